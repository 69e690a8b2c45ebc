import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';

const communityRules = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	{
		ignores: ['dist/**', 'build-test/**', 'node_modules/**', 'demo-output/**', 'bench-output/**', '**/*.js', '**/*.mjs'],
	},
	// What ships: the nodes, the credential and package.json, under n8n's community-node rules.
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: communityRules.plugins,
		rules: communityRules.rules,
	},
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
