#!/usr/bin/env node
/**
 * Can a user find the node? (npm run test:e2e:panel, after npm run build and npm run build:test)
 *
 * In n8n's real editor (editor-session.mjs: the dev setup, Debian's chromium, installed with
 * apt-get when absent and we are root), types each search term into the nodes panel twice:
 *   - in "What triggers this workflow?" (a new workflow's first step),
 *   - in "What happens next?" (the + after a Manual Trigger),
 * and requires Kie.ai among the first TOP results each time; in the trigger panel, Kie.ai must
 * also offer the Kie.ai Trigger. Prints our node's rank for every term and panel, exits 1 when
 * one misses.
 *
 * What the editor does (n8n 1.123, editor-ui nodeCreator): a trigger named like an app node
 * (kieTrigger → kie) is merged into that node's entry "Kie.ai", as one of its actions, so both
 * panels list one "Kie.ai"; search (searchNodes) reads the entry's display name and the codex
 * aliases of nodes/Kie/Kie.node.json; outside the AI panel, nodes of the AI category are hidden
 * unless their AI subcategories include "Root Nodes".
 */
import { openEditor } from './editor-session.mjs';

const TERMS = ['kie', 'veo', 'suno', 'kling', 'video', 'music', 'nano banana'];
const TOP = 3;
const OUR_ENTRY = 'n8n-nodes-kie.kie';
const OUR_TRIGGER = 'n8n-nodes-kie.kieTrigger';
const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';

/** The node results the panel lists, in order: node type and shown name. */
async function listedNodes(page) {
	return await page
		.locator(
			'[data-test-id="node-creator"] [data-test-id="item-iterator-item"][data-keyboard-nav-type="node"]',
		)
		.evaluateAll((items) =>
			items.map((item) => ({
				// data-keyboard-nav-id is "<node type>-<uuid>"
				type: item.dataset.keyboardNavId.replace(/-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/, ''),
				name: item.querySelector('[data-test-id="node-creator-item-name"]')?.textContent.trim(),
			})),
		);
}

/** Types the term into the open panel's search and returns the results once they stop changing. */
async function search(page, term) {
	const bar = page.locator('[data-test-id="node-creator-search-bar"]');
	await bar.fill('');
	await bar.pressSequentially(term);
	const noResults = page.locator('[data-test-id="node-creator-no-results"]');
	let previous = '';
	for (let attempt = 0; attempt < 50; attempt++) {
		await page.waitForTimeout(150);
		const nodes = await listedNodes(page);
		const current = JSON.stringify(nodes);
		const settled = current === previous && (nodes.length > 0 || (await noResults.isVisible()));
		if (settled) return nodes;
		previous = current;
	}
	throw new Error(`the results for "${term}" did not settle`);
}

/** Searches every term in the open panel; returns one row per term with our entry's rank. */
async function ranksIn(page, panelTitle) {
	await page
		.locator('[data-test-id="node-creator"]')
		.getByText(panelTitle, { exact: true })
		.waitFor({ timeout: 30_000 });
	const rows = [];
	for (const term of TERMS) {
		const nodes = await search(page, term);
		const index = nodes.findIndex((node) => node.type === OUR_ENTRY || node.type === OUR_TRIGGER);
		rows.push({
			panel: panelTitle,
			term,
			rank: index === -1 ? null : index + 1,
			of: nodes.length,
			top: nodes.slice(0, TOP).map((node) => node.name),
		});
	}
	return rows;
}

async function main() {
	const started = Date.now();
	const { page, close } = await openEditor({
		label: 'panel-check',
		installChromium: true,
		examples: false,
	});
	const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
	console.log(`n8n and Chromium ready: ${elapsed()}`);
	const rows = [];
	let triggerOffered = false;
	try {
		await page.goto('/workflow/new', { timeout: 120_000 }); // the editor's bundle on a busy machine
		const addFirstStep = page.locator('[data-test-id="canvas-add-button"]').first();
		await addFirstStep.waitFor({ timeout: 120_000 });
		console.log(`editor loaded: ${elapsed()}`);
		await addFirstStep.click();
		rows.push(...(await ranksIn(page, 'What triggers this workflow?')));
		console.log(`trigger panel searched: ${elapsed()}`);

		// The Kie.ai entry found there offers the trigger.
		const entry = page.locator(
			`[data-test-id="item-iterator-item"][data-keyboard-nav-id^="${OUR_ENTRY}-"]`,
		);
		if ((await search(page, 'kie')).some((node) => node.type === OUR_ENTRY)) {
			await entry.click();
			triggerOffered = await page
				.locator(`[data-keyboard-nav-type="action"][data-keyboard-nav-id^="${OUR_TRIGGER}-"]`)
				.waitFor({ timeout: 10_000 })
				.then(() => true)
				.catch(() => false);
		}
		await page.keyboard.press('Escape');

		// A Manual Trigger as the first step, then the panel from its output's +.
		await addFirstStep.click();
		await search(page, 'manual trigger');
		await page
			.locator(`[data-test-id="item-iterator-item"][data-keyboard-nav-id^="${MANUAL_TRIGGER}-"]`)
			.click();
		const plus = page.locator('[data-test-id="canvas-handle-plus"]').first();
		await plus.waitFor({ timeout: 30_000 });
		await page.keyboard.press('Escape'); // closes the trigger's parameter view if it opened
		await plus.click();
		rows.push(...(await ranksIn(page, 'What happens next?')));
		console.log(`"What happens next?" searched: ${elapsed()}`);
	} finally {
		await close();
	}

	console.log(`\nRank of Kie.ai in n8n's nodes panel (must be 1..${TOP}):`);
	for (const row of rows) {
		const rank = row.rank === null ? 'absent' : `#${row.rank}`;
		console.log(
			`  ${row.panel.padEnd(29)} ${JSON.stringify(row.term).padEnd(14)} ${rank.padEnd(7)} of ${String(row.of).padEnd(4)} top: ${row.top.join(', ')}`,
		);
	}
	console.log(
		`Kie.ai in the trigger panel offers the Kie.ai Trigger: ${triggerOffered ? 'yes' : 'NO'}`,
	);
	const misses = rows.filter((row) => row.rank === null || row.rank > TOP);
	console.log(`(${elapsed()})`);
	if (misses.length > 0 || !triggerOffered) {
		console.error(
			`nodes-panel-check: FAILED: ${misses.length} of ${rows.length} searches do not show our node in the first ${TOP}` +
				(triggerOffered ? '' : '; the trigger panel does not offer the Kie.ai Trigger'),
		);
		process.exit(1);
	}
	console.log(
		`nodes-panel-check: all ${rows.length} searches show our node in the first ${TOP}, and the trigger panel offers the trigger`,
	);
}

main().catch((error) => {
	console.error(`nodes-panel-check: ${error.stack ?? error.message}`);
	process.exit(1);
});
