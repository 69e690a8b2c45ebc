/** Tests are compiled by `tsc -p tsconfig.test.json` (npm's pretest) and run as plain JavaScript. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/build-test/test'],
	testMatch: ['**/*.test.js'],
	testTimeout: 60000,
	maxWorkers: 2,
};
