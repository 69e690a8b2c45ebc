import tseslint from 'typescript-eslint';

import { scanner } from './scripts/scanner.mjs';

/** What ships, as n8n's scanner sees the source: package.json, nodes/ and credentials/. */
const SHIPPED = ['package.json', 'nodes/**/*.{ts,json}', 'credentials/**/*.{ts,json}'];
const SHIPPED_ANY = '{package.json,nodes/**,credentials/**}';

/**
 * The scanner's own config (scan-community-package's buildScanConfig: the community-nodes plugin's
 * recommended rules, no-console, and eslint-plugin-n8n-nodes-base's community, credentials and
 * nodes sets with n8n's exceptions), limited to the shipped files, so lint reports what n8n's
 * verification reports. A config object's own `files` still apply: an inner array means "all of".
 */
const scanConfig = (await scanner.buildScanConfig()).map((config) => ({
	...config,
	files: config.files ? config.files.map((pattern) => [pattern, SHIPPED_ANY]) : SHIPPED,
}));

export default tseslint.config(
	{
		ignores: [
			'dist/**',
			'build-test/**',
			'node_modules/**',
			'demo-output/**',
			'bench-output/**',
			'**/*.js',
			'**/*.mjs',
		],
	},
	...scanConfig,
	// Tests, the simulator and the benchmarks run only in development: TypeScript's recommended rules.
	{
		files: ['test/**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
		},
	},
);
