#!/usr/bin/env node
/**
 * n8n's verification scan as a project check: runs the analyzer of @n8n/scan-community-package,
 * both the pinned version and the one of its `@beta` tag (what n8n's Creator Portal runs; see
 * scanner.mjs), on the source (package.json + nodes/, credentials/, the scanner's
 * SOURCE_FILE_PATTERNS) and on the unpacked `npm pack` output (compiled .js + package.json, the
 * scanner's tarball leg), prints every finding and exits 1 when any leg of either version fails.
 * When both installs are the same version, one run stands for both and the output says so.
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

import { loadScanner, SCANNER_PACKAGES } from './scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The scanner's tarball leg (analyzePackageByName): compiled JavaScript and the published package.json. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** Every finding (warnings too: analyzePackage reports details only when there are errors). */
async function findings({ scanner, scannerRequire }, packageDir, patterns) {
	const { ESLint } = scannerRequire('eslint');
	const glob = scannerRequire('fast-glob');
	const eslint = new ESLint({
		cwd: packageDir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
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

async function scanLeg(loaded, label, packageDir, patterns) {
	const result = await loaded.scanner.analyzePackage(packageDir, patterns);
	const listed = await findings(loaded, packageDir, patterns);
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

if (!fs.existsSync(path.join(root, 'dist', 'nodes'))) {
	console.error('dist/nodes is missing: run `npm run build` first.');
	process.exit(1);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kie-scan-'));
try {
	const tarballDir = packTarball(workDir);
	const verdicts = new Map();
	for (const packageName of SCANNER_PACKAGES) {
		const loaded = await loadScanner(packageName);
		const title = `${packageName} ${loaded.version}`;
		if (verdicts.has(loaded.version)) {
			console.log(`${title}: the version scanned above; its verdict stands for this one too.`);
			continue;
		}
		console.log(`${title} analyzer`);
		const sourcePassed = await scanLeg(loaded, 'source', root, loaded.scanner.SOURCE_FILE_PATTERNS);
		const tarballPassed = await scanLeg(loaded, 'npm pack', tarballDir, TARBALL_FILE_PATTERNS);
		verdicts.set(loaded.version, sourcePassed && tarballPassed);
	}
	process.exitCode = [...verdicts.values()].every(Boolean) ? 0 : 1;
} finally {
	fs.rmSync(workDir, { recursive: true, force: true });
}
