#!/usr/bin/env node
/**
 * Screenshot of the Kie.ai node's parameter panel in n8n's editor → docs/images/node-panel.png
 * (npm run screenshot, after npm run build and npm run build:test).
 *
 * Starts the dev setup (build-test/test/e2e/dev.js: real n8n, package linked, examples, simulator)
 * in a throwaway user folder on a free port, signs in as the owner it creates, opens the
 * "generate an image" example, double-clicks the Kie.ai node and captures the panel.
 *
 * Browser: Debian's chromium package (apt-get install chromium; CHROMIUM_PATH to override), driven
 * by playwright-core, which is installed on first use into a folder outside the repository
 * (PLAYWRIGHT_CORE_DIR, default <tmp>/n8n-kie-playwright); no browser is downloaded.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.resolve(
	process.env.SCREENSHOT_OUTPUT ?? path.join(repoRoot, 'docs', 'images', 'node-panel.png'),
);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const playwrightDir = process.env.PLAYWRIGHT_CORE_DIR ?? path.join(tmpdir(), 'n8n-kie-playwright');
const owner = { email: 'dev@n8n-nodes-kie.local', password: 'KieDev-2025' }; // test/e2e/dev.ts DEV_OWNER
const exampleName = 'Kie.ai: generate an image and save it to disk';
const nodeName = 'Generate image';

function fail(message) {
	console.error(`screenshot: ${message}`);
	process.exit(1);
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
		if (result.status !== 0) fail('npm install playwright-core failed');
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
function startDev(port, folder) {
	const devScript = path.join(repoRoot, 'build-test', 'test', 'e2e', 'dev.js');
	if (!existsSync(devScript))
		fail(`${devScript} is missing: run npm run build && npm run build:test first`);
	const env = {
		...process.env,
		KIE_DEV_FOLDER: folder,
		KIE_DEV_PORT: String(port),
		KIE_SIM_PORT: '0',
		KIE_SIM_UPLOAD_PORT: '0',
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

async function main() {
	if (!existsSync(chromiumPath))
		fail(`no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
	const { chromium } = loadPlaywright();
	const port = await freePort();
	const baseURL = `http://127.0.0.1:${port}`;
	const work = mkdtempSync(path.join(tmpdir(), 'n8n-kie-screenshot-'));
	let dev;
	let context;
	try {
		console.log(`starting n8n on ${baseURL} (dev setup in ${work})`);
		dev = await startDev(port, path.join(work, 'n8n'));
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
			viewport: { width: 1440, height: 1300 },
			deviceScaleFactor: 2,
			baseURL,
		});
		const page = context.pages()[0] ?? (await context.newPage());
		const login = await page.request.post('/rest/login', {
			data: { emailOrLdapLoginId: owner.email, password: owner.password },
		});
		if (!login.ok()) throw new Error(`sign-in answered ${login.status()}: ${await login.text()}`);
		const workflows = await (await page.request.get('/rest/workflows')).json();
		const workflow = workflows.data.find((entry) => entry.name === exampleName);
		if (!workflow) throw new Error(`workflow "${exampleName}" was not imported`);

		await page.goto(`/workflow/${workflow.id}`);
		const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
		await node.waitFor({ timeout: 60_000 });
		await node.dblclick();
		const parameters = page.locator('[data-test-id="node-parameters"]');
		await parameters.waitFor({ timeout: 30_000 });
		await page.waitForLoadState('networkidle');
		await page.evaluate(() => document.fonts.ready);
		await page.mouse.move(5, 5); // no hover effects on the panel
		await page.waitForTimeout(500);

		// The floating middle panel of the node view: the widest ancestor of the parameter list
		// that is still a column (narrower than half the window).
		const clip = await parameters.evaluate((element) => {
			let panel = element;
			for (let current = element.parentElement; current; current = current.parentElement) {
				const width = current.getBoundingClientRect().width;
				if (width < window.innerWidth / 2 && width >= panel.getBoundingClientRect().width)
					panel = current;
			}
			const box = panel.getBoundingClientRect();
			// end below the last parameter rather than at the bottom of the window
			const contentBottom = Math.max(
				...[...element.querySelectorAll('[data-test-id="parameter-item"]')].map(
					(item) => item.getBoundingClientRect().bottom,
				),
			);
			const bottom = Math.min(box.bottom, contentBottom + 24);
			return { x: box.x, y: box.y, width: box.width, height: bottom - box.y };
		});
		const margin = 12;
		mkdirSync(path.dirname(output), { recursive: true });
		await page.screenshot({
			path: output,
			clip: {
				x: Math.max(0, clip.x - margin),
				y: Math.max(0, clip.y - margin),
				width: clip.width + 2 * margin,
				height: clip.height + 2 * margin,
			},
		});
		console.log(
			`saved ${path.relative(repoRoot, output)} (${Math.round(clip.width)}×${Math.round(clip.height)} CSS px, 2× scale)`,
		);
	} finally {
		await context?.close();
		await stopDev(dev);
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => fail(error.message));
