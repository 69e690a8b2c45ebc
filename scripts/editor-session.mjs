/**
 * n8n's editor in headless Chromium, for the scripts that drive it (screenshot.mjs,
 * nodes-panel-check.mjs). Needs npm run build and npm run build:test first.
 *
 * openEditor() starts the dev setup (build-test/test/e2e/dev.js: real n8n, package linked,
 * simulator, examples unless told not to) in a throwaway user folder on a free port, opens
 * Chromium and signs in as the owner dev.js creates; close() stops both and removes the folder.
 *
 * Browser: Debian's chromium package (CHROMIUM_PATH to override), driven by playwright-core,
 * which is installed on first use into a folder outside the repository (PLAYWRIGHT_CORE_DIR,
 * default <tmp>/n8n-kie-playwright); no browser is downloaded.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const playwrightDir = process.env.PLAYWRIGHT_CORE_DIR ?? path.join(tmpdir(), 'n8n-kie-playwright');
const owner = { email: 'dev@n8n-nodes-kie.local', password: 'KieDev-2025' }; // test/e2e/dev.ts DEV_OWNER

/**
 * Without Chromium: installs Debian's package when `install` is set and we are root (CI),
 * otherwise says how to get it.
 */
function ensureChromium(install) {
	if (existsSync(chromiumPath)) return;
	const canInstall = install && process.getuid?.() === 0 && !process.env.CHROMIUM_PATH;
	if (!canInstall)
		throw new Error(
			`no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
		);
	console.log('installing Debian chromium (apt-get)');
	for (const args of [['update'], ['install', '-y', 'chromium']]) {
		const result = spawnSync('apt-get', ['-qq', ...args], {
			stdio: 'inherit',
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		});
		if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
	}
	if (!existsSync(chromiumPath))
		throw new Error(`apt-get installed chromium, but not at ${chromiumPath}`);
}

function loadPlaywright() {
	const manifest = path.join(playwrightDir, 'package.json');
	if (!existsSync(path.join(playwrightDir, 'node_modules', 'playwright-core'))) {
		console.log(`installing playwright-core into ${playwrightDir} (outside the repository)`);
		mkdirSync(playwrightDir, { recursive: true });
		if (!existsSync(manifest)) writeFileSync(manifest, '{"private":true}\n');
		const result = spawnSync(
			'npm',
			['install', '--no-save', '--no-audit', '--no-fund', 'playwright-core'],
			{
				cwd: playwrightDir,
				stdio: 'inherit',
				env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
			},
		);
		if (result.status !== 0) throw new Error('npm install playwright-core failed');
	}
	return createRequire(manifest)('playwright-core');
}

function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** Runs dev.js in its own process group; resolves with it once the editor is up. */
function startDev(port, folder, bare) {
	const devScript = path.join(repoRoot, 'build-test', 'test', 'e2e', 'dev.js');
	if (!existsSync(devScript))
		throw new Error(`${devScript} is missing: run npm run build && npm run build:test first`);
	const env = {
		...process.env,
		KIE_DEV_FOLDER: folder,
		KIE_DEV_PORT: String(port),
		KIE_SIM_PORT: '0',
		KIE_SIM_UPLOAD_PORT: '0',
		KIE_DEV_BARE: bare ? '1' : '0',
	};
	delete env.KIE_API_KEY;
	delete env.KIE_DEV_PUBLIC_URL;
	const child = spawn(process.execPath, [devScript], {
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`n8n did not start within 180 s:\n${log.slice(-3000)}`)),
			180_000,
		);
		const collect = (chunk) => {
			log += chunk.toString();
			if (log.includes('n8n editor:')) {
				clearTimeout(timer);
				resolve(child);
			}
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`dev.js exited (${code}) before the editor was up:\n${log.slice(-3000)}`));
		});
	});
}

async function stopDev(child) {
	if (!child || child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(-child.pid, 'SIGTERM');
	const timer = setTimeout(() => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// gone
		}
	}, 15_000);
	await exited;
	clearTimeout(timer);
}

/**
 * n8n with this package and a signed-in Chromium page on it.
 * `examples: false` starts n8n without the examples and the credential (sooner).
 * @param {{ label: string, viewport?: {width: number, height: number}, deviceScaleFactor?: number,
 *   installChromium?: boolean, examples?: boolean }} options
 * @returns {Promise<{ page: import('playwright-core').Page, close: () => Promise<void> }>}
 */
export async function openEditor({
	label,
	viewport,
	deviceScaleFactor = 1,
	installChromium = false,
	examples = true,
}) {
	ensureChromium(installChromium);
	const { chromium } = loadPlaywright();
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const work = mkdtempSync(path.join(tmpdir(), `n8n-kie-${label}-`));
	let dev;
	let context;
	const close = async () => {
		await context?.close();
		await stopDev(dev);
		rmSync(work, { recursive: true, force: true });
	};
	try {
		console.log(`starting n8n on ${baseURL} (dev setup in ${work})`);
		dev = await startDev(port, path.join(work, 'n8n'), !examples);
		context = await chromium.launchPersistentContext(path.join(work, 'chromium-profile'), {
			executablePath: chromiumPath,
			headless: true,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
			],
			viewport: viewport ?? { width: 1440, height: 1000 },
			deviceScaleFactor,
			baseURL,
		});
		const page = context.pages()[0] ?? (await context.newPage());
		// 503 "Database is not ready!" while n8n's database health check lags (a busy machine)
		let login;
		for (let attempt = 0; attempt < 60; attempt++) {
			login = await page.request.post('/rest/login', {
				data: { emailOrLdapLoginId: owner.email, password: owner.password },
			});
			if (login.status() !== 503) break;
			await page.waitForTimeout(1_000);
		}
		if (!login.ok()) throw new Error(`sign-in answered ${login.status()}: ${await login.text()}`);
		return { page, close };
	} catch (error) {
		await close();
		throw error;
	}
}
