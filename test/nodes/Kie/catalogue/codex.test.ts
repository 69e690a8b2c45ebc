/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The codex files decide whether a user finds the node in n8n's nodes panel (the end-to-end proof
 * is scripts/nodes-panel-check.mjs, npm run test:e2e:panel). n8n's search reads the display name
 * and the codex aliases only, so every model the node offers must be findable by an alias.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..', '..');

interface Codex {
	categories: string[];
	subcategories: Record<string, string[]>;
	resources: { primaryDocumentation: Array<{ url: string }> };
	alias: string[];
}

const readCodex = (file: string): Codex =>
	JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')) as Codex;

const nodeCodex = readCodex('nodes/Kie/Kie.node.json');
const triggerCodex = readCodex('nodes/KieTrigger/KieTrigger.node.json');

/** Every model of the catalogue, by the name the model picker shows. */
function catalogueModelNames(): string[] {
	return CATALOGUE.map((model) => model.displayName);
}

/** Makers that some model names start with; their own n8n nodes own these search terms. */
const MAKERS = ['google', 'openai'];

/** Lower case, every run of other characters as one space: "GPT-4o" and "gpt 4o" are equal. */
const words = (text: string) =>
	text
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();

/** Letters and digits only: "Sora2 Pro" starts with "Sora 2". */
const compact = (text: string) => words(text).replace(/ /g, '');

/** "Google Nano Banana Pro" → "nanobananapro": the name a user types. */
function withoutMaker(name: string): string {
	const [first, ...rest] = words(name).split(' ');
	return compact(MAKERS.includes(first) ? rest.join(' ') : name);
}

/** The alias the name starts with, if any. */
function aliasFor(name: string, aliases: string[]): string | undefined {
	return aliases.find((alias) => withoutMaker(name).startsWith(compact(alias)));
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens. */
const anchor = (heading: string) =>
	heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s_-]/gu, '')
		.replace(/\s/g, '-');

describe('codex: the node in n8n nodes panel', () => {
	it('finds every catalogue model by an alias its name starts with', () => {
		const names = catalogueModelNames();
		expect(names.length).toBeGreaterThan(100);
		const unfindable = names.filter((name) => aliasFor(name, nodeCodex.alias) === undefined);
		expect(unfindable).toEqual([]);
	});

	it('has aliases for the media the node makes and the product itself', () => {
		const aliases = nodeCodex.alias.map(words);
		for (const term of ['kie', 'image', 'video', 'music', 'speech', 'sound effect'])
			expect(aliases).toContain(term);
	});

	it('gives the trigger every alias of the node, plus its own', () => {
		expect(triggerCodex.alias).toEqual(expect.arrayContaining(nodeCodex.alias));
		expect(triggerCodex.alias).toEqual(expect.arrayContaining(['Callback', 'Webhook']));
	});

	it.each([
		['node', nodeCodex],
		['trigger', triggerCodex],
	])('shows the %s outside the AI panel: an AI node must be a root node', (_label, codex) => {
		// n8n 1.123's editor (nodeCreator filterOutAiNodes) hides other AI nodes from the
		// trigger panel, "What happens next?" and "Action in an app".
		expect(codex.categories).toContain('AI');
		expect(codex.subcategories.AI).toContain('Root Nodes');
	});

	it.each([
		['node', nodeCodex],
		['trigger', triggerCodex],
	])('links the %s to a README section that exists', (_label, codex) => {
		const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
		const anchors = [...readme.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchor(match[1]));
		const homepage = (
			JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
				homepage: string;
			}
		).homepage.replace(/#.*$/, '');
		const links = codex.resources.primaryDocumentation.map((doc) => doc.url);
		expect(links.length).toBeGreaterThan(0);
		for (const link of links) {
			const [page, section] = link.split('#');
			expect(page).toBe(homepage);
			expect(anchors).toContain(section);
		}
	});
});
