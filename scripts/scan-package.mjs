#!/usr/bin/env node
/**
 * n8n's verification scan as a project check: runs the analyzer of the pinned
 * @n8n/scan-community-package on the source (package.json + nodes/, credentials/, the scanner's
 * SOURCE_FILE_PATTERNS) and on the unpacked `npm pack` output (compiled .js + package.json, the
 * scanner's tarball leg), prints every finding and exits 1 when either leg fails.
 *
 * The scanner's own CLI prints a failure and still exits 0, so the verdict here is the
 * `passed` field of analyzePackage's result. Needs `npm run build` first (the tarball ships dist/).
 * Offline: the package is packed and unpacked locally; nothing is fetched.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { scanner, scannerRequire, scannerVersion } from './scanner.mjs';

const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } = scanner;
const { ESLint } = scannerRequire('eslint');
const glob = scannerRequire('fast-glob');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The scanner's tarball leg (analyzePackageByName): compiled JavaScript and the published package.json. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** Every finding (warnings too: analyzePackage reports details only when there are errors). */
async function findings(packageDir, patterns) {
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, {
		cwd: packageDir,
		absolute: true,
		ignore: ['node_modules/**', '**/package-lock.json'],
	});
	const results = await eslint.lintFiles(files);
	const formatter = await eslint.loadFormatter('stylish');
	return {
		files: files.length,
		errors: results.reduce((sum, result) => sum + result.errorCount, 0),
		warnings: results.reduce((sum, result) => sum + result.warningCount, 0),
		text: formatter.format(results).trim(),
	};
}

async function scanLeg(label, packageDir, patterns) {
	const result = await analyzePackage(packageDir, patterns);
	const listed = await findings(packageDir, patterns);
	// The two runs use the same config on the same files; a disagreement means this script is wrong.
	const consistent = result.passed === (listed.errors === 0);
	const passed = result.passed === true && consistent;
	console.log(
		`${passed ? 'PASS' : 'FAIL'} ${label}: ${listed.files} files, ${listed.errors} errors, ${listed.warnings} warnings` +
			(result.passed ? '' : ` (${result.message})`) +
			(consistent ? '' : ' (analyzer and listing disagree)'),
	);
	if (listed.text) console.log(listed.text.replaceAll(packageDir + path.sep, ''));
	return passed;
}

function packTarball(workDir) {
	const output = execFileSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', workDir],
		{ cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
	);
	const [{ filename }] = JSON.parse(output);
	const unpacked = path.join(workDir, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', [
		'-xzf',
		path.join(workDir, path.basename(filename)),
		'-C',
		unpacked,
		'--strip-components=1',
	]);
	return unpacked;
}

console.log(`@n8n/scan-community-package ${scannerVersion} analyzer`);

if (!fs.existsSync(path.join(root, 'dist', 'nodes'))) {
	console.error('dist/nodes is missing: run `npm run build` first.');
	process.exit(1);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kie-scan-'));
try {
	const sourcePassed = await scanLeg('source', root, SOURCE_FILE_PATTERNS);
	const tarballPassed = await scanLeg('npm pack', packTarball(workDir), TARBALL_FILE_PATTERNS);
	process.exitCode = sourcePassed && tarballPassed ? 0 : 1;
} finally {
	fs.rmSync(workDir, { recursive: true, force: true });
}
