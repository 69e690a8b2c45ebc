/**
 * Lint for what does not ship: test/ (the tests, the simulator, the harness, the benchmarks, the
 * end-to-end runner). eslint.config.mjs stays n8n's default, as `n8n-node lint` requires in strict
 * mode ("n8n": {"strict": true} in package.json); it lints every TypeScript file with the rules for
 * code that runs inside n8n. Test files that need what such code may not use (Node's modules,
 * process, timers, console) open with a line that turns those rules off:
 *
 *   /* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it *\/
 *
 * `npm run lint` runs this config with --no-inline-config, so that line does not turn off the
 * rules below. The scan (`npm run scan`) lints nodes/ and credentials/ without inline config too.
 */
import tseslint from 'typescript-eslint';

export default tseslint.config({
	files: ['test/**/*.ts'],
	extends: [tseslint.configs.recommended],
	rules: {
		'@typescript-eslint/no-explicit-any': 'off',
		'@typescript-eslint/no-require-imports': 'off',
		'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
	},
});
