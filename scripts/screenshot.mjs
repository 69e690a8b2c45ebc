#!/usr/bin/env node
/**
 * Screenshot of the Kie.ai node's parameter panel in n8n's editor → docs/images/node-panel.png
 * (npm run screenshot, after npm run build and npm run build:test).
 *
 * Opens n8n's editor with this package (editor-session.mjs: the dev setup in a throwaway folder,
 * Debian's chromium, the owner signed in), opens the "generate an image" example, double-clicks
 * the Kie.ai node and captures the panel.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { openEditor, repoRoot } from './editor-session.mjs';

const output = path.resolve(
	process.env.SCREENSHOT_OUTPUT ?? path.join(repoRoot, 'docs', 'images', 'node-panel.png'),
);
const exampleName = 'Kie.ai: generate an image and save it to disk';
const nodeName = 'Generate image';

function fail(message) {
	console.error(`screenshot: ${message}`);
	process.exit(1);
}

async function main() {
	const { page, close } = await openEditor({
		label: 'screenshot',
		viewport: { width: 1440, height: 1300 },
		deviceScaleFactor: 2,
	});
	try {
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
		await close();
	}
}

main().catch((error) => fail(error.message));
