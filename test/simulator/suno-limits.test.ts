/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Contract tests: the Suno tools' text limits per version as their pages state them
 * (../shared/kie-docs/suno-api/upload-and-cover-audio.md, upload-and-extend-audio.md and
 * generate-mashup.md): the simulator refuses what Kie would refuse and accepts what it accepts.
 */
import { startSimulator, type KieSimulator } from './';
import { call } from './test-helpers';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 150 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const post = (path: string, json: unknown) => call(`${sim.baseUrl}${path}`, 'POST', { json });
const text = (length: number) => 'x'.repeat(length);
const hook = 'https://callback.invalid/x';
const upload = 'https://example.com/mine.mp3';

const cover = (model: string, fields: Record<string, unknown>) => [
	'/api/v1/generate/upload-cover',
	{
		uploadUrl: upload,
		customMode: true,
		instrumental: true,
		style: 'Jazz',
		title: 'T',
		model,
		callBackUrl: hook,
		...fields,
	},
];
const extend = (model: string, fields: Record<string, unknown>) => [
	'/api/v1/generate/upload-extend',
	{
		uploadUrl: upload,
		defaultParamFlag: true,
		instrumental: true,
		continueAt: 10,
		style: 'Jazz',
		title: 'T',
		model,
		callBackUrl: hook,
		...fields,
	},
];
const mashup = (model: string, fields: Record<string, unknown>) => [
	'/api/v1/generate/mashup',
	{
		uploadUrlList: [upload, upload],
		customMode: true,
		instrumental: true,
		style: 'Jazz',
		title: 'T',
		model,
		callBackUrl: hook,
		...fields,
	},
];

describe('Suno tools: text limits per version, as their pages state them', () => {
	it.each([
		['upload-cover V5: a title of 100', cover('V5', { title: text(100) }), 200],
		['upload-cover V4_5: a title of 100', cover('V4_5', { title: text(100) }), 200],
		['upload-cover V5: a title of 101', cover('V5', { title: text(101) }), /title .*100/],
		['upload-cover V4_5ALL: a title of 81', cover('V4_5ALL', { title: text(81) }), /title .*80/],
		['upload-cover V4: a title of 81', cover('V4', { title: text(81) }), /title .*80/],
		[
			'upload-cover V4: lyrics of 3001',
			cover('V4', { instrumental: false, prompt: text(3001) }),
			/prompt .*3000/,
		],
		[
			'upload-cover V5, non-custom: a prompt of 501',
			cover('V5', { customMode: false, style: undefined, title: undefined, prompt: text(501) }),
			/prompt .*500/,
		],
		['upload-extend V5: a title of 100', extend('V5', { title: text(100) }), 200],
		['upload-extend V5: a title of 101', extend('V5', { title: text(101) }), /title .*100/],
		['upload-extend V4: a style of 201', extend('V4', { style: text(201) }), /style .*200/],
		['mashup V5: a title of 80', mashup('V5', { title: text(80) }), 200],
		['mashup V5: a title of 81', mashup('V5', { title: text(81) }), /title .*80/],
		['mashup V4: a style of 201', mashup('V4', { style: text(201) }), /style .*200/],
		[
			'mashup V5, non-custom: a prompt of 501',
			mashup('V5', { customMode: false, style: undefined, title: undefined, prompt: text(501) }),
			/prompt .*500/,
		],
	] as const)('%s', async (_name, [path, body], expected) => {
		const answer = (await post(path as string, body)).json;
		if (expected === 200) {
			expect(answer).toMatchObject({ code: 200 });
			expect(sim.record.createdTaskCount()).toBe(1);
		} else {
			expect(answer).toMatchObject({ code: 422, msg: expect.stringMatching(expected) });
			expect(sim.record.createdTaskCount()).toBe(0);
		}
	});
});
