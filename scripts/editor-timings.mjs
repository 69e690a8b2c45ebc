#!/usr/bin/env node
/**
 * How quick is the Kie.ai node in n8n's editor? (npm run editor:timings, which builds first)
 *
 * In n8n 1.123's real editor in headless Chromium (editor-session.mjs), with one workflow holding
 * the Kie.ai node and n8n's Google Gemini node as a reference, times in the page itself
 * (performance.now(), so Playwright's round trips do not count):
 *   - open: from the double-click on the node on the canvas until the page stops changing (its
 *     last DOM mutation before STABLE_MS without any, dropdown lists aside);
 *   - switch: from the press on a model in the picker until the page stops changing, through
 *     several image and video models (Gemini: through its resources, the nearest thing it has).
 * Each is repeated ROUNDS times (EDITOR_TIMINGS_ROUNDS, default 5); prints min / median / max in
 * milliseconds, and the size of our node's description (JSON characters).
 *
 * EDITOR_TIMINGS_PROFILE=<folder>: also records the page's CPU profile (Chrome DevTools) over each
 * opening of our panel and of Gemini's and each model switch, writes <folder>/open.cpuprofile,
 * <folder>/gemini-open.cpuprofile and <folder>/<resource>-switch.cpuprofile and prints the
 * functions with the most time (editor-profile.mjs). Where the time goes: docs/editor-speed.md.
 *
 * Works on a version-1-only build too (the picker is then `model`), so older commits can be
 * measured: build them in a clone and run this file there (see docs or the commit message).
 */
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';

import { profiler } from './editor-profile.mjs';
import { openEditor, repoRoot } from './editor-session.mjs';

const ROUNDS = Number(process.env.EDITOR_TIMINGS_ROUNDS ?? 5);
const PROFILE = process.env.EDITOR_TIMINGS_PROFILE;
const STABLE_MS = 400;
const KIE = 'Kie.ai';
const GEMINI = 'Google Gemini';

const { Kie } = createRequire(import.meta.url)(path.join(repoRoot, 'dist/nodes/Kie/Kie.node.js'));
const description = new Kie().description;
const versions = [description.version].flat();
const version = Math.max(...versions);
const picker = (resource) => (version >= 2 ? `${resource}Model` : 'model');

/** The picker's entries of a resource/operation in this build: value → shown name. */
function pickerNames(resource, operation) {
	const names = new Map();
	for (const property of description.properties) {
		const show = property.displayOptions?.show ?? {};
		if (property.name !== picker(resource)) continue;
		if (show['@version'] && !show['@version'].includes(version)) continue;
		if (show.resource && !show.resource.includes(resource)) continue;
		if (show.operation && !show.operation.includes(operation)) continue;
		for (const option of property.options ?? []) names.set(option.value, option.name);
	}
	return names;
}

/** The models switched through, per resource (those this build has). */
const SWITCHES = [
	{
		resource: 'image',
		operation: 'generate',
		models: [
			'nano-banana-pro',
			'bytedance/seedream-v4-text-to-image',
			'google/imagen4',
			'gpt-image/1.5-text-to-image',
			'flux-2/pro-text-to-image',
		],
	},
	{
		resource: 'video',
		operation: 'generate',
		models: [
			'veo3_fast',
			'kling-3.0/video',
			'bytedance/seedance-2',
			'hailuo/2-3-image-to-video-pro',
			'wan/2-6-text-to-video',
		],
	},
];

function stats(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const median =
		sorted.length % 2
			? sorted[(sorted.length - 1) / 2]
			: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	const ms = (value) => `${Math.round(value)}`.padStart(5);
	return `min ${ms(sorted[0])}  median ${ms(median)}  max ${ms(sorted.at(-1))} ms  (n=${sorted.length})`;
}

/**
 * Runs `act` (a Playwright action) and returns the milliseconds, measured in the page, from the
 * first `startEvent` (capture phase, anywhere) until the page's last change (a DOM mutation
 * outside the dropdown lists) before STABLE_MS without any.
 */
async function timed(page, startEvent, act) {
	await page.evaluate(
		({ startEvent, stableMs }) => {
			window.__kieTiming = new Promise((resolve) => {
				let start;
				let last;
				const observer = new MutationObserver((mutations) => {
					if (start === undefined) return;
					const relevant = mutations.some((mutation) => {
						const element =
							mutation.target.nodeType === Node.ELEMENT_NODE
								? mutation.target
								: mutation.target.parentElement;
						return !element?.closest('.el-popper, .el-select-dropdown');
					});
					if (relevant) last = performance.now();
				});
				observer.observe(document.body, {
					subtree: true,
					childList: true,
					attributes: true,
					characterData: true,
				});
				const settle = () => {
					if (performance.now() - (last ?? start) >= stableMs) {
						observer.disconnect();
						resolve((last ?? start) - start);
					} else setTimeout(settle, 50);
				};
				window.addEventListener(
					startEvent,
					() => {
						start = performance.now();
						setTimeout(settle, stableMs);
					},
					{ capture: true, once: true },
				);
			});
		},
		{ startEvent, stableMs: STABLE_MS },
	);
	await act();
	return await page.evaluate(() => window.__kieTiming);
}

/** Opens the node's panel; returns the ms. `profile` (editor-profile.mjs) records the opening. */
async function openPanel(page, nodeName, profile = { around: (act) => act() }) {
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`);
	await node.waitFor({ timeout: 60_000 });
	return await profile.around(() => timed(page, 'dblclick', () => node.dblclick()));
}

async function closePanel(page) {
	await page.locator('[data-test-id="back-to-canvas"]').click();
	await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden' });
}

/**
 * Picks `name` in the options parameter `parameter` of the open panel; returns the ms. `profile`
 * (editor-profile.mjs) records the pick.
 */
async function choose(page, parameter, name, profile = { around: (act) => act() }) {
	const input = page.locator(`[data-test-id="parameter-input-${parameter}"]`);
	await input.click();
	// An entry shows its name (in its headline when it has a description) and its description.
	const items = page.locator('.el-select-dropdown:visible .el-select-dropdown__item');
	await input.locator('input').fill(name);
	let index = -1;
	for (let attempt = 0; attempt < 100 && index < 0; attempt++) {
		if (attempt > 0) await page.waitForTimeout(100);
		index = await items.evaluateAll(
			(elements, wanted) =>
				elements.findIndex(
					(element) =>
						((element.querySelector('.option-headline') ?? element).textContent ?? '').trim() ===
						wanted,
				),
			name,
		);
	}
	if (index < 0) throw new Error(`no entry "${name}" in the ${parameter} list`);
	const option = items.nth(index);
	return await profile.around(() => timed(page, 'mousedown', () => option.click()));
}

async function main() {
	const { page, close } = await openEditor({ label: 'timings', examples: false });
	const results = [];
	try {
		const kieParameters =
			version >= 2
				? { resource: 'image', operation: 'generate', imageModel: 'nano-banana-pro' }
				: { resource: 'image', operation: 'generate', model: 'nano-banana-pro' };
		const workflow = {
			name: 'Editor timings',
			active: false,
			settings: {},
			connections: {},
			nodes: [
				{
					id: 'b5d7c1c0-0000-4000-8000-000000000001',
					name: KIE,
					type: 'n8n-nodes-kie.kie',
					typeVersion: version,
					position: [0, 0],
					parameters: kieParameters,
				},
				{
					id: 'b5d7c1c0-0000-4000-8000-000000000002',
					name: GEMINI,
					type: '@n8n/n8n-nodes-langchain.googleGemini',
					typeVersion: 1,
					position: [320, 0],
					parameters: {},
				},
			],
		};
		const created = await page.request.post('/rest/workflows', { data: workflow });
		if (!created.ok()) throw new Error(`creating the workflow answered ${created.status()}`);
		const { id } = (await created.json()).data;
		await page.goto(`/workflow/${id}`, { timeout: 120_000 });

		// One warm-up each (the editor loads the panel's code on first use).
		for (const node of [KIE, GEMINI]) {
			await openPanel(page, node);
			await closePanel(page);
		}
		for (const node of [KIE, GEMINI]) {
			const times = [];
			const file = node === KIE ? 'open' : 'gemini-open';
			const profile = await profiler(page, PROFILE && path.join(PROFILE, file));
			for (let round = 0; round < ROUNDS; round++) {
				times.push(await openPanel(page, node, profile));
				await closePanel(page);
			}
			await profile.finish(`${node}: open the panel`);
			results.push({ what: `${node}: open the panel`, times });
		}

		await openPanel(page, KIE);
		for (const { resource, operation, models } of SWITCHES) {
			if (resource !== 'image')
				await choose(page, 'resource', resource[0].toUpperCase() + resource.slice(1));
			const names = pickerNames(resource, operation);
			// Starting from the model shown (the first), so each pick changes the model.
			const present = models.filter((model) => names.has(model));
			present.push(present.shift());
			const times = [];
			const profile = await profiler(page, PROFILE && path.join(PROFILE, `${resource}-switch`));
			for (let round = 0; round < ROUNDS; round++) {
				for (const model of present)
					times.push(await choose(page, picker(resource), names.get(model), profile));
			}
			await profile.finish(`${KIE}: switch ${resource} model`);
			results.push({
				what: `${KIE}: switch ${resource} model (→ ${present.map((model) => names.get(model)).join(' → ')})`,
				times,
			});
		}
		await closePanel(page);

		await openPanel(page, GEMINI);
		const times = [];
		for (let round = 0; round < ROUNDS; round++) {
			for (const resource of ['Image', 'Video', 'Audio', 'Text'])
				times.push(await choose(page, 'resource', resource));
		}
		results.push({ what: `${GEMINI}: switch resource (Image → Video → Audio → Text)`, times });
		await closePanel(page);
	} finally {
		await close();
	}
	console.log(
		`\nKie.ai node description: ${JSON.stringify(description).length} characters (versions ${versions.join(', ')})`,
	);
	for (const { what, times } of results) console.log(`${stats(times)}  ${what}`);
	// The machine's load: timings on a busy machine are longer and spread wider.
	console.log(
		`load average: ${loadavg()
			.map((load) => load.toFixed(1))
			.join(' ')}`,
	);
}

main().catch((error) => {
	console.error(`editor-timings: ${error.stack ?? error.message}`);
	process.exit(1);
});
