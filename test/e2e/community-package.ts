/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Packs this package and installs the tarball into an n8n user folder the way n8n 1.123's
 * community-package installer does (CommunityPackagesService.downloadPackage):
 *
 *   <userFolder>/.n8n/nodes/package.json            {"name":"installed-nodes","dependencies":{…}}
 *   <userFolder>/.n8n/nodes/node_modules/<package>   the tarball extracted (--strip-components=1),
 *                                                    dev/peer/optional dependencies removed from
 *                                                    its package.json, then `npm install` there
 *                                                    with n8n's flags (production dependencies only)
 *
 * n8n loads every `n8n-nodes-*` folder of <userFolder>/.n8n/nodes/node_modules on start, `execute`
 * and the import commands included.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { runCommand, tail } from './processes';

/** n8n's NPM_COMMON_ARGS + NPM_INSTALL_ARGS (community-packages.service.js, 1.123). */
const N8N_NPM_INSTALL_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

export interface PackageManifest {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	files?: string[];
	n8n?: { n8nNodesApiVersion?: number; nodes?: string[]; credentials?: string[] };
}

export interface PackedPackage {
	tarball: string;
	manifest: PackageManifest;
	files: string[];
}

/** `npm pack` of the repository into `destination`; checks what a community package must be. */
export async function packPackage(repoRoot: string, destination: string): Promise<PackedPackage> {
	const result = await runCommand('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: repoRoot,
		timeoutMs: 120_000,
	});
	if (result.code !== 0) {
		throw new Error(`npm pack failed (exit ${result.code}):\n${tail(result.stderr)}`);
	}
	const jsonStart = result.stdout.indexOf('[');
	const packed = JSON.parse(result.stdout.slice(jsonStart)) as Array<{
		filename: string;
		files: Array<{ path: string }>;
	}>;
	const files = packed[0].files.map((file) => file.path);
	const manifest = JSON.parse(
		await readFile(path.join(repoRoot, 'package.json'), 'utf8'),
	) as PackageManifest;
	checkManifest(manifest, files);
	const buildLeftovers = files.filter((file) => file.endsWith('.tsbuildinfo'));
	if (buildLeftovers.length > 0) {
		process.stdout.write(
			`  warning: the tarball ships build leftovers: ${buildLeftovers.join(', ')}\n`,
		);
	}
	return { tarball: path.join(destination, packed[0].filename), manifest, files };
}

function checkManifest(manifest: PackageManifest, files: string[]): void {
	const problems: string[] = [];
	const runtimeDependencies = Object.keys(manifest.dependencies ?? {});
	if (runtimeDependencies.length > 0) {
		problems.push(
			`package.json has runtime dependencies (${runtimeDependencies.join(', ')}); a community node must have none`,
		);
	}
	const peers = Object.keys(manifest.peerDependencies ?? {});
	if (peers.some((peer) => peer !== 'n8n-workflow')) {
		problems.push(`peerDependencies must be n8n-workflow only, found: ${peers.join(', ')}`);
	}
	const declared = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	if ((manifest.n8n?.nodes ?? []).length === 0) problems.push('package.json n8n.nodes is empty');
	for (const file of declared) {
		if (!files.includes(file)) {
			problems.push(
				`package.json n8n lists ${file}, but the tarball has no such file (not built?)`,
			);
		}
	}
	const unexpected = files.filter(
		(file) =>
			!file.startsWith('dist/') &&
			!/^(package\.json|README\.md|LICENSE(\.md)?|CHANGELOG\.md)$/.test(file),
	);
	if (unexpected.length > 0)
		problems.push(`the tarball ships files outside dist/: ${unexpected.join(', ')}`);
	if (problems.length > 0)
		throw new Error(`the packed package is not installable as is:\n  - ${problems.join('\n  - ')}`);
}

export function nodesFolder(userFolder: string): string {
	return path.join(userFolder, '.n8n', 'nodes');
}

async function ensureNodesPackageJson(
	userFolder: string,
	name: string,
	version: string,
): Promise<void> {
	const folder = nodesFolder(userFolder);
	await mkdir(path.join(folder, 'node_modules'), { recursive: true });
	const packageJsonPath = path.join(folder, 'package.json');
	const packageJson = existsSync(packageJsonPath)
		? (JSON.parse(await readFile(packageJsonPath, 'utf8')) as {
				dependencies?: Record<string, string>;
			})
		: { name: 'installed-nodes', private: true, dependencies: {} };
	packageJson.dependencies = { ...packageJson.dependencies, [name]: version };
	await writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
}

/** Installs the tarball as n8n's installer would, then checks that nothing else came along. */
export async function installAsCommunityPackage(
	packed: PackedPackage,
	userFolder: string,
): Promise<string> {
	const { name, version } = packed.manifest;
	const modules = path.join(nodesFolder(userFolder), 'node_modules');
	const packageDirectory = path.join(modules, name);
	await rm(packageDirectory, { recursive: true, force: true });
	await mkdir(packageDirectory, { recursive: true });
	const extract = await runCommand('tar', [
		'-xzf',
		packed.tarball,
		'-C',
		packageDirectory,
		'--strip-components=1',
	]);
	if (extract.code !== 0)
		throw new Error(`tar could not extract ${packed.tarball}: ${extract.stderr}`);

	const manifestPath = path.join(packageDirectory, 'package.json');
	const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	await writeFile(manifestPath, JSON.stringify(manifest, null, 2));

	// --offline: with no runtime dependencies there is nothing to fetch; anything else is an error.
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (/^npm_config_/i.test(key)) delete env[key];
	const install = await runCommand('npm', ['install', ...N8N_NPM_INSTALL_ARGS, '--offline'], {
		cwd: packageDirectory,
		env,
		timeoutMs: 120_000,
	});
	if (install.code !== 0) {
		throw new Error(
			`npm install in ${packageDirectory} failed (exit ${install.code}):\n${tail(install.stderr)}`,
		);
	}
	await ensureNodesPackageJson(userFolder, name, version);

	const installedNextToIt = (await readdir(modules)).filter(
		(entry) => entry !== name && !entry.startsWith('.'),
	);
	if (installedNextToIt.length > 0) {
		throw new Error(`installing ${name} also installed: ${installedNextToIt.join(', ')}`);
	}
	const ownModules = path.join(packageDirectory, 'node_modules');
	if (existsSync(ownModules)) {
		const nested = (await readdir(ownModules)).filter((entry) => !entry.startsWith('.'));
		if (nested.length > 0)
			throw new Error(`${name} brought its own node_modules: ${nested.join(', ')}`);
	}
	return packageDirectory;
}

/**
 * For `npm run dev`: <nodes>/node_modules/<package>/ holds a copy of package.json and a symlink
 * `dist` → the repository's dist/, so a rebuild shows up after an n8n restart. n8n must then run
 * with NODE_OPTIONS=--preserve-symlinks, so that `require('n8n-workflow')` from the package
 * resolves to n8n's own copy (through NODE_PATH) rather than the repository's devDependency.
 */
export async function linkForDevelopment(repoRoot: string, userFolder: string): Promise<string> {
	const manifest = JSON.parse(
		await readFile(path.join(repoRoot, 'package.json'), 'utf8'),
	) as PackageManifest & Record<string, unknown>;
	const packageDirectory = path.join(nodesFolder(userFolder), 'node_modules', manifest.name);
	await rm(packageDirectory, { recursive: true, force: true });
	await mkdir(packageDirectory, { recursive: true });
	delete manifest.devDependencies;
	delete manifest.peerDependencies;
	delete manifest.optionalDependencies;
	await writeFile(path.join(packageDirectory, 'package.json'), JSON.stringify(manifest, null, 2));
	await symlink(path.join(repoRoot, 'dist'), path.join(packageDirectory, 'dist'), 'dir');
	await ensureNodesPackageJson(userFolder, manifest.name, manifest.version);
	return packageDirectory;
}
