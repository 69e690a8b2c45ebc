/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * The catalogue's data against Kie's own pages (kie-docs, ../shared/kie-docs or $KIE_DOCS):
 * coverage (every documented non-chat model is in the data or excluded with a reason),
 * in-step (the committed data is what the script makes from the pages) and fidelity (every
 * model differs from its page only where the overrides say so). Without the pages these tests
 * are skipped, and the skip names the place they were looked for.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { CONTINUATION_MODELS, PAGE_MODELS } from '../../../../nodes/Kie/catalogue/data/models';
import { CATALOGUE, CONTINUATIONS } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { OVERRIDES } from '../../../../nodes/Kie/catalogue/overrides';

const ROOT = path.resolve(__dirname, '../../../../..');
const DOCS = process.env.KIE_DOCS ?? path.resolve(ROOT, '../shared/kie-docs');
const HAVE_DOCS = fs.existsSync(path.join(DOCS, 'market'));

function runScript(script: string, ...args: string[]) {
	return spawnSync(process.execPath, [path.join(ROOT, 'scripts/catalogue', script), ...args], {
		cwd: ROOT,
		env: { ...process.env, KIE_DOCS: DOCS },
		encoding: 'utf8',
	});
}

interface ListedPage {
	page: string;
	kind: 'model' | 'chat' | 'other';
	excluded?: string;
}

const withDocs = HAVE_DOCS ? describe : describe.skip;

withDocs(
	`catalogue data against Kie's pages (${HAVE_DOCS ? DOCS : `skipped: no kie-docs at ${DOCS}`})`,
	() => {
		it('covers every documented non-chat model page, or excludes it with a reason', () => {
			const listed = runScript('pages.mjs', '--list');
			expect(listed.status).toBe(0);
			const pages = JSON.parse(listed.stdout) as ListedPage[];
			const modelPages = pages.filter((p) => p.kind === 'model');
			const inData = new Set(PAGE_MODELS.map((m) => m.page));
			const missing = modelPages.filter((p) => !inData.has(p.page) && !p.excluded);
			expect(missing.map((p) => p.page)).toEqual([]);
			for (const p of modelPages.filter((page) => page.excluded)) {
				expect(p.excluded).toMatch(/\w{10,}/);
			}
			// The closing note's figures: documented non-chat model pages / in the data / excluded.
			const excluded = modelPages.filter((p) => p.excluded).length;
			console.log(
				`kie-docs market: ${modelPages.length} non-chat model pages, ${modelPages.length - excluded} in the data, ${excluded} excluded; ${pages.filter((p) => p.kind === 'chat').length} chat pages; catalogue: ${CATALOGUE.length} models`,
			);
			expect(modelPages.length).toBeGreaterThanOrEqual(100);
		});

		it('has every Suno create page (a POST of suno-api/, callbacks aside) in the data', () => {
			const dir = path.join(DOCS, 'suno-api');
			const creates = fs
				.readdirSync(dir)
				.filter((file) => !file.endsWith('-callbacks.md'))
				.filter((file) => /^ {4}post:/m.test(fs.readFileSync(path.join(dir, file), 'utf8')))
				.map((file) => `suno-api/${file}`);
			const inData = new Set([...PAGE_MODELS, ...CONTINUATION_MODELS].map((m) => m.page));
			expect(creates.length).toBeGreaterThanOrEqual(18);
			expect(creates.filter((page) => !inData.has(page))).toEqual([]);
		});

		it('reads Suno\'s text limits per version and mode from the pages\' prose ("**V4**: Maximum 3000 characters")', () => {
			const all = [...PAGE_MODELS, ...CONTINUATION_MODELS];
			const limits = (id: string, field: string) =>
				(all.find((m) => m.id === id)?.rules ?? [])
					.filter((rule) => rule.field === field && rule.maxLength !== undefined)
					.map((rule) => [rule.when ?? {}, rule.maxLength]);
			// Generate Music: one record per version, the limits of its own.
			expect(limits('V4', 'prompt')).toEqual([
				[{ customMode: [true] }, 3000],
				[{ customMode: [false] }, 500],
			]);
			expect(limits('V5_5', 'style')).toEqual([[{}, 1000]]);
			expect(
				all.find((m) => m.id === 'V4')?.fields.find((f) => f.name === 'title')?.maxLength,
			).toBe(80);
			// The tools: the version is a field.
			expect(limits('suno/upload-and-cover-audio', 'title')).toEqual([
				[{ model: ['V5_5', 'V5', 'V4_5PLUS', 'V4_5'] }, 100],
				[{ model: ['V4_5ALL', 'V4'] }, 80],
			]);
			expect(limits('suno/generate-mashup', 'prompt')).toEqual([
				[{ model: ['V4'], customMode: [true] }, 3000],
				[{ model: ['V4_5', 'V4_5PLUS', 'V4_5ALL', 'V5', 'V5_5'], customMode: [true] }, 5000],
				[{ customMode: [false] }, 500],
			]);
		});

		it('reads a limit stated in other words, and gives none where no page states one', () => {
			const all = [...PAGE_MODELS, ...CONTINUATION_MODELS];
			const maxLength = (id: string, field: string) =>
				all.find((m) => m.id === id)?.fields.find((f) => f.name === field)?.maxLength;
			// "Sound task type limit: 500 characters"; "Can be empty or 0 - 2500 characters long".
			expect(maxLength('suno/generate-sounds', 'prompt')).toBe(500);
			expect(maxLength('kling-3.0/motion-control', 'prompt')).toBe(2500);
			// Their pages (and no page about them) state no text limit.
			for (const id of ['suno/add-vocals', 'suno/add-instrumental', 'suno/replace-section']) {
				const model = all.find((m) => m.id === id)!;
				expect({ id, limited: model.fields.filter((f) => f.maxLength !== undefined) }).toEqual({
					id,
					limited: [],
				});
				expect((model.rules ?? []).filter((rule) => rule.maxLength !== undefined)).toEqual([]);
			}
		});

		it('is in step: the committed data is what scripts/catalogue/generate.mjs makes from the pages', () => {
			const check = runScript('generate.mjs', '--check');
			expect(check.stderr).toBe('');
			expect(check.status).toBe(0);
		});

		it('names every page an override corrects, and every field it changes, as the page has them', () => {
			for (const override of OVERRIDES) {
				const models = [...PAGE_MODELS, ...CONTINUATION_MODELS].filter(
					(m) => m.page === override.page,
				);
				expect({ page: override.page, found: models.length > 0 }).toEqual({
					page: override.page,
					found: true,
				});
				for (const name of Object.keys(override.fields ?? {})) {
					for (const model of models) {
						expect({
							page: override.page,
							field: name,
							onPage: model.fields.some((f) => f.name === name),
						}).toEqual({
							page: override.page,
							field: name,
							onPage: true,
						});
					}
				}
			}
		});
	},
);

describe('catalogue fidelity: every model as its page says, but where an override says otherwise', () => {
	const overridesOf = (page: string) => OVERRIDES.filter((override) => override.page === page);

	const pageModels = [...PAGE_MODELS, ...CONTINUATION_MODELS];
	const offered = [...CATALOGUE, ...CONTINUATIONS];
	it.each(pageModels.map((model) => [`${model.page} (${model.id})`, model] as const))(
		'%s',
		(_name, pageModel) => {
			const overrides = overridesOf(pageModel.page).filter(
				(override) => override.id === undefined || override.id === pageModel.id,
			);
			const renamedId = overrides.find((override) => override.set?.id)?.set?.id;
			const model = offered.find(
				(entry) => entry.page === pageModel.page && entry.id === (renamedId ?? pageModel.id),
			);
			expect(model).toBeDefined();
			// Model properties: the page's, but those an override sets (names come from the picker).
			const setKeys = new Set(overrides.flatMap((override) => Object.keys(override.set ?? {})));
			for (const key of Object.keys(pageModel) as Array<keyof typeof pageModel>) {
				if (['fields', 'displayName', 'description', 'rules'].includes(key) || setKeys.has(key))
					continue;
				expect({ key, value: model![key] }).toEqual({ key, value: pageModel[key] });
			}
			// Rules: the page's (its text limits per version and mode), then the overrides'.
			expect(model!.rules ?? []).toEqual([
				...(pageModel.rules ?? []),
				...overrides.flatMap((override) => override.rules ?? []),
			]);
			// Fields: the page's, but those an override changes, removes or adds.
			const touched = new Set(
				overrides.flatMap((override) => [
					...Object.keys(override.fields ?? {}),
					...Object.values(override.fields ?? {}).flatMap((change) =>
						change?.name ? [change.name] : [],
					),
					...(override.addFields ?? []).map((field) => field.name),
				]),
			);
			const names = new Set([...pageModel.fields, ...model!.fields].map((field) => field.name));
			for (const name of names) {
				if (touched.has(name)) continue;
				expect({ field: name, data: model!.fields.find((f) => f.name === name) }).toEqual({
					field: name,
					data: pageModel.fields.find((f) => f.name === name),
				});
			}
		},
	);
});

describe('catalogue data', () => {
	it('has every model the node offered in 0.2, with the same id', () => {
		const ids = new Set(CATALOGUE.map((m) => m.id));
		const offered = [
			...require('../../../../nodes/Kie/catalogue/v1/image').V1_IMAGE_MODELS,
			...require('../../../../nodes/Kie/catalogue/v1/video').V1_VIDEO_MODELS,
			...require('../../../../nodes/Kie/catalogue/v1/audio').V1_AUDIO_MODELS,
		].map((m: { id: string }) => m.id);
		expect(offered.length).toBeGreaterThanOrEqual(41);
		expect(offered.filter((id) => !ids.has(id))).toEqual([]);
	});

	it("keeps docs/models.md's model table the catalogue's (scripts/catalogue/readme.mjs)", () => {
		const check = runScript('readme.mjs', '--check', '--from', 'build-test');
		expect(check.stderr).toBe('');
		expect(check.status).toBe(0);
	});

	it('has one model per id, each with a resource, an operation and a picker name', () => {
		const ids = CATALOGUE.map((m) => m.id);
		expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
		for (const model of CATALOGUE) {
			expect(model.id).not.toBe('');
			expect(model.operations[0]).toBe(model.operation);
			expect(model.displayName.length).toBeGreaterThan(2);
			expect(model.fields.every((f) => f.name === f.name.trim())).toBe(true);
		}
	});
});
