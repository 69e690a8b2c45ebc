/**
 * Suno's text limits per version and mode, stated under the field before running (issue 22), in
 * the panel's names, as n8n's editor shows version 2's description: the numbers the hint gives
 * for a version are the ones the check applies to it (textLimit, from the same data).
 */
import {
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { Kie } from '../../../../nodes/Kie/Kie.node';
import { CONTINUATIONS, catalogueModel } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { textLimit } from '../../../../nodes/Kie/catalogue/ruleConditions';
import { shownParameter, shownParameters } from '../../../helpers/editorPanel';

const description = new Kie().description;

function shown(values: INodeParameters, node = { typeVersion: 2 }): INodeProperties[] {
	return shownParameters(description, { resource: 'audio', ...values }, node);
}

function hint(values: INodeParameters, name: string): string {
	const property = shownParameter(description, { resource: 'audio', ...values }, name, {
		typeVersion: 2,
	});
	return `${property.displayName}: ${property.description}`;
}

const custom = { customMode: true, instrumental: false };
const generate = (audioModel: string, mode: INodeParameters = custom) => ({
	operation: 'generate',
	audioModel,
	...mode,
});
const cover = { operation: 'uploadAndCover', audioModel: 'suno/upload-and-cover-audio', ...custom };
const extend = { operation: 'uploadAndExtend', audioModel: 'suno/upload-and-extend-audio' };

describe('Suno text limits shown under the field', () => {
	it.each<[string, INodeParameters, string, string]>([
		[
			'Generate V4, lyrics',
			generate('V4'),
			'prompt',
			'Lyrics: The words Suno sings, as written. Up to 3000 characters. Required',
		],
		[
			'Generate V5, lyrics',
			generate('V5'),
			'prompt',
			'Lyrics: The words Suno sings, as written. Up to 5000 characters. Required',
		],
		[
			'Generate V5, prompt',
			generate('V5', { customMode: false }),
			'prompt',
			'Up to 500 characters. Required when Custom Mode is off.',
		],
		[
			'Generate V4, style',
			generate('V4'),
			'style',
			'Style: Music style specification for the generated audio.',
		],
		[
			'Generate V4, style limit',
			generate('V4'),
			'style',
			'Up to 200 characters. Required when Custom Mode is on.',
		],
		[
			'Generate V4_5, style limit',
			generate('V4_5'),
			'style',
			'Up to 1000 characters. Required when Custom Mode is on.',
		],
		[
			'Generate, title',
			generate('V5'),
			'title',
			'Will be displayed in player interfaces and filenames. Up to 80 characters.',
		],
		[
			'Upload and Cover, lyrics',
			cover,
			'prompt',
			'Up to 5000 characters; 3000 when Model is V4. Required',
		],
		[
			'Upload and Cover, style',
			cover,
			'style',
			'Up to 1000 characters; 200 when Model is V4. Required',
		],
		[
			'Upload and Cover, title',
			cover,
			'title',
			'Up to 100 characters; 80 when Model is V4_5ALL or V4. Required',
		],
		[
			'Upload and Extend, title',
			extend,
			'title',
			'Title: Music title. Up to 100 characters; 80 when Model is V4_5ALL or V4.',
		],
	])('%s', (_name, values, name, text) => {
		expect(hint(values, name)).toContain(text);
	});

	it('names the version field as the panel shows it; no text hint keeps the page’s limit list', () => {
		expect(shown(cover).map((property) => property.displayName)).toContain('Model');
		for (const values of [generate('V4'), generate('V5'), cover, extend]) {
			for (const name of ['prompt', 'style', 'title']) {
				expect(hint(values, name)).not.toMatch(/\*\*|Character limits|Maximum|customMode/);
			}
		}
	});

	it('version 1: Audio → Generate states the limits its checks apply (from the same data)', () => {
		const v1 = (model: string, name: string) => {
			const property = shown(
				{ operation: 'generate', model, customMode: true },
				{ typeVersion: 1 },
			).find((candidate) => candidate.name === name);
			return property?.description ?? '';
		};
		const limit = (id: string, name: string, customMode: boolean) =>
			textLimit(catalogueModel(id)!, name, { customMode })!.toLocaleString('en-US');
		const prompt = v1('V5', 'prompt');
		expect(prompt).toContain(`the song (up to ${limit('V5', 'prompt', false)} characters)`);
		expect(prompt).toContain(
			`in Custom Mode the lyrics (V4: up to ${limit('V4', 'prompt', true)} characters, later: ${limit('V5', 'prompt', true)})`,
		);
		expect(v1('V4', 'style')).toContain(
			`(V4: up to ${limit('V4', 'style', true)} characters, later: ${limit('V5', 'style', true)})`,
		);
		expect(v1('V4', 'title')).toContain(`(up to ${limit('V4', 'title', true)} characters)`);
	});

	it('Audio → Extend (both versions) states the limits of the source track’s version', () => {
		const extendMusic = CONTINUATIONS.find((model) => model.id === 'suno/extend-music')!;
		const limit = (name: string, version: string) =>
			textLimit(extendMusic, name, { model: version })!.toLocaleString('en-US');
		for (const typeVersion of [1, 2]) {
			const properties = shown({ operation: 'extend' }, { typeVersion });
			const of = (name: string) => properties.find((p) => p.name === name)?.description;
			expect(of('prompt')).toContain(
				`(V4: up to ${limit('prompt', 'V4')} characters, later: ${limit('prompt', 'V5')})`,
			);
			expect(of('style')).toContain(
				`(V4: up to ${limit('style', 'V4')} characters, later: ${limit('style', 'V5')})`,
			);
			expect([limit('title', 'V4'), limit('title', 'V4_5PLUS')]).toEqual([
				limit('title', 'V4_5ALL'),
				limit('title', 'V5'),
			]);
			expect(of('title')).toContain(
				`(V4 and V4_5ALL: up to ${limit('title', 'V4')} characters, others: ${limit('title', 'V5')})`,
			);
		}
	});

	it.each([
		['suno/upload-and-cover-audio', cover],
		['suno/upload-and-extend-audio', extend],
		[
			'suno/generate-mashup',
			{ operation: 'mashup', audioModel: 'suno/generate-mashup', ...custom },
		],
	] as const)('%s: the limit the hint gives each version is the one checked', (id, values) => {
		const model = catalogueModel(id)!;
		const versions = shown(values).find((property) => property.name === 'model')!
			.options as INodePropertyOptions[];
		for (const name of ['prompt', 'style', 'title']) {
			const text = hint(values, name);
			for (const { value: version } of versions) {
				const exception = [...text.matchAll(/(\d+) when Model is ([\w ]+?)[.;]/g)].find(
					([, , names]) => names.split(' or ').includes(String(version)),
				);
				const general = /Up to (\d+) characters/.exec(text);
				const stated = Number((exception ?? general)?.[1]);
				expect({ name, version, stated }).toEqual({
					name,
					version,
					stated: textLimit(model, name, { model: version, ...custom }),
				});
			}
		}
	});
});
