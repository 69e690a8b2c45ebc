#!/usr/bin/env node
/**
 * What ends an opening of the panel? (docs/editor-speed.md) Needs npm run build and build:test.
 *
 * In n8n's editor in headless Chromium (editor-session.mjs), opens the Kie.ai panel and n8n's
 * Google Gemini panel in turn (TRACE_ROUNDS times each, default 3) and prints, from the
 * double-click: the page's long tasks (start and length, ms) and the times of its DOM changes
 * (dropdown lists aside, as editor-timings.mjs counts them), with the last changes and where
 * they happened. Also says whether n8n's store holds each node's description as a Vue proxy.
 */
import { openEditor } from './editor-session.mjs';

const ROUNDS = Number(process.env.TRACE_ROUNDS ?? 3);
const NODES = [
	{
		name: 'Kie.ai',
		type: 'n8n-nodes-kie.kie',
		typeVersion: 2,
		parameters: { resource: 'image', operation: 'generate', imageModel: 'nano-banana-pro' },
	},
	{
		name: 'Google Gemini',
		type: '@n8n/n8n-nodes-langchain.googleGemini',
		typeVersion: 1,
		parameters: {},
	},
];

/** In the page: whether n8n's node types store hands out each description as a reactive proxy. */
function storeProxies(nodes) {
	const app = [...document.querySelectorAll('*')].find(
		(element) => element.__vue_app__,
	)?.__vue_app__;
	const stores = app?.config.globalProperties.$pinia?._s ?? new Map();
	const store = [...stores.values()].find(
		(candidate) => typeof candidate.getNodeType === 'function',
	);
	if (!store) return 'no node types store found';
	return nodes.map(({ type, typeVersion }) => {
		const description = store.getNodeType(type, typeVersion);
		return `${type}: description ${description?.__v_isReactive ? 'reactive' : 'raw'}, its properties ${description?.properties?.__v_isReactive ? 'reactive' : 'raw'}`;
	});
}

/** In the page: records changes and long tasks from the next double-click on. */
function record() {
	const where = (element) => {
		const parts = [];
		for (let at = element, depth = 0; at && depth < 3; at = at.parentElement, depth++) {
			const id = at.getAttribute?.('data-test-id');
			const className = typeof at.className === 'string' ? at.className.split(' ')[0] : '';
			parts.push(
				`${at.tagName.toLowerCase()}${id ? `[${id}]` : ''}${className ? `.${className}` : ''}`,
			);
		}
		return parts.join(' < ');
	};
	const trace = { start: undefined, changes: [], longTasks: [] };
	window.__kieTrace = trace;
	trace.observer = new MutationObserver((mutations) => {
		if (trace.start === undefined) return;
		const at = Math.round(performance.now() - trace.start);
		for (const mutation of mutations) {
			const element =
				mutation.target.nodeType === Node.ELEMENT_NODE
					? mutation.target
					: mutation.target.parentElement;
			if (!element || element.closest('.el-popper, .el-select-dropdown')) continue;
			const what = mutation.attributeName
				? `${mutation.type} ${mutation.attributeName}`
				: mutation.type;
			trace.changes.push([at, what, where(element)]);
		}
	});
	trace.observer.observe(document.body, {
		subtree: true,
		childList: true,
		attributes: true,
		characterData: true,
	});
	trace.tasks = new PerformanceObserver((list) => {
		for (const entry of list.getEntries())
			if (trace.start !== undefined)
				trace.longTasks.push([
					Math.round(entry.startTime - trace.start),
					Math.round(entry.duration),
				]);
	});
	trace.tasks.observe({ type: 'longtask' });
	window.addEventListener('dblclick', () => (trace.start = performance.now()), {
		capture: true,
		once: true,
	});
}

function collect() {
	const trace = window.__kieTrace;
	trace.observer.disconnect();
	trace.tasks.disconnect();
	return { changes: trace.changes, longTasks: trace.longTasks };
}

async function main() {
	const { page, close } = await openEditor({ label: 'trace', examples: false });
	try {
		const workflow = {
			name: 'Opening trace',
			active: false,
			settings: {},
			connections: {},
			nodes: NODES.map((node, index) => ({
				...node,
				id: `b5d7c1c0-0000-4000-8000-00000000000${index + 1}`,
				position: [index * 320, 0],
			})),
		};
		const created = await page.request.post('/rest/workflows', { data: workflow });
		if (!created.ok()) throw new Error(`creating the workflow answered ${created.status()}`);
		await page.goto(`/workflow/${(await created.json()).data.id}`, { timeout: 120_000 });
		await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60_000 });
		console.log(await page.evaluate(storeProxies, NODES));
		// The first round loads the panel's code: printed, but not like the others.
		for (let round = 0; round <= ROUNDS; round++) {
			for (const { name } of NODES) {
				await page.evaluate(record);
				await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
				await page.waitForTimeout(2_500);
				const { changes, longTasks } = await page.evaluate(collect);
				const times = [...new Set(changes.map(([at]) => at))];
				console.log(
					`\n${name}${round === 0 ? ' (warm-up)' : ''}: changes at ${times.join(' ')} ms`,
				);
				console.log(`  long tasks [start, ms]: ${JSON.stringify(longTasks)}`);
				const last = times.at(-1);
				for (const change of changes.filter(([at]) => at >= last - 20).slice(-4))
					console.log(`  ${change.join('  ')}`);
				await page.locator('[data-test-id="back-to-canvas"]').click();
				await page.locator('[data-test-id="ndv"]').waitFor({ state: 'hidden' });
				await page.waitForTimeout(1_000);
			}
		}
	} finally {
		await close();
	}
}

main().catch((error) => {
	console.error(`editor-opening-trace: ${error.stack ?? error.message}`);
	process.exit(1);
});
