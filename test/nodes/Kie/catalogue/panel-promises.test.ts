/**
 * What version 2's panel promises a user (issue 22, "A panel that keeps its promises"), read from
 * the node's description as n8n's editor shows it: models found by typing their name, fields
 * labelled as the model calls them with placeholders that fit, voices once each with what they
 * sound like, requirements stated before running, and refusals in the names the panel shows.
 */
import {
	type INode,
	type INodeParameters,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { Kie } from '../../../../nodes/Kie/Kie.node';
import { toNodeError } from '../../../../nodes/Kie/actions/common/errors';
import { KieInputError } from '../../../../nodes/Kie/catalogue/errors';
import { CATALOGUE, catalogueModel } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { PICKERS } from '../../../../nodes/Kie/catalogue/panel';
import { check } from '../../../../nodes/Kie/catalogue/request';
import type { CatalogueResource } from '../../../../nodes/Kie/catalogue/modelData';
import { shownParameter, shownParameters } from '../../../helpers/editorPanel';

const description = new Kie().description;
const node = { typeVersion: 2 };

/** The parameters n8n's editor shows for these values (defaults filled in), in order. */
function shown(values: INodeParameters): INodeProperties[] {
	return shownParameters(description, values, node);
}

function field(values: INodeParameters, name: string): INodeProperties {
	return shownParameter(description, values, name, node);
}

function pickerOptions(resource: CatalogueResource, operation: string): INodePropertyOptions[] {
	return field({ resource, operation }, PICKERS[resource]).options as INodePropertyOptions[];
}

/** n8n's options search: the typed text anywhere in the option's name, in any case. */
const search = (options: INodePropertyOptions[], typed: string) =>
	options.filter((option) => option.name.toLowerCase().includes(typed.toLowerCase()));

const pickers = [
	...new Set(CATALOGUE.flatMap((model) => model.operations.map((op) => `${model.resource}.${op}`))),
].map((key) => key.split('.') as [CatalogueResource, string]);

describe('models are found by typing their name', () => {
	it.each([
		['Kling 3.0', 'video', 'generate', 'kling-3.0/video'],
		['Seedance 2', 'video', 'generate', 'bytedance/seedance-2'],
		['Nano Banana Pro', 'image', 'generate', 'nano-banana-pro'],
		['Nano Banana Pro', 'image', 'edit', 'nano-banana-pro'],
		['Veo 3.1', 'video', 'generate', 'veo3_fast'],
		['Suno', 'audio', 'generate', 'V5_5'],
		['ElevenLabs', 'audio', 'generate', 'elevenlabs/text-to-speech-multilingual-v2'],
	] as const)('typing "%s" in %s → %s finds %s first', (typed, resource, operation, id) => {
		const found = search(pickerOptions(resource, operation), typed);
		expect(found[0]?.value).toBe(id);
	});

	it('names every model in words, not as its id', () => {
		for (const [resource, operation] of pickers) {
			for (const option of pickerOptions(resource, operation)) {
				expect({ option: option.value, name: option.name }).toEqual({
					option: option.value,
					name: expect.not.stringMatching(/\/|[a-z]-[a-z]|\d-\d|^[a-z]|Sora2/),
				});
			}
		}
	});

	it('lists withdrawn models after every served one, and no two options by one name', () => {
		for (const [resource, operation] of pickers) {
			const options = pickerOptions(resource, operation);
			const withdrawn = options.map((option) => catalogueModel(String(option.value))?.withdrawn);
			const firstWithdrawn = withdrawn.findIndex(Boolean);
			if (firstWithdrawn >= 0) {
				const servedAfter = options
					.slice(firstWithdrawn)
					.filter(
						(option, index) => !withdrawn[firstWithdrawn + index] && option.value !== 'custom',
					);
				expect(servedAfter.map((option) => option.name)).toEqual([]);
			}
			const names = options.map((option) => option.name);
			expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		}
	});
});

describe('each field is labelled as the model calls it, with a placeholder that fits', () => {
	const speech = (audioModel: string) => ({ resource: 'audio', operation: 'generate', audioModel });

	it.each(['elevenlabs/text-to-speech-multilingual-v2', 'elevenlabs/text-to-speech-turbo-2-5'])(
		'%s: Text, with words to speak as its placeholder',
		(id) => {
			const text = field(speech(id), 'text');
			expect(text.displayName).toBe('Text');
			expect(text.placeholder).not.toMatch(/piano|track|melod/i);
			expect(shown(speech(id)).map((property) => property.displayName)).not.toContain('Prompt');
		},
	);

	it.each(['V5', 'V4_5PLUS', 'suno/upload-and-cover-audio', 'suno/generate-mashup'])(
		'%s: Lyrics in Custom Mode with vocals, Prompt otherwise (one value)',
		(id) => {
			const model = catalogueModel(id)!;
			const base = { resource: 'audio', operation: model.operation, audioModel: id };
			const sung = field({ ...base, customMode: true, instrumental: false }, 'prompt');
			expect(sung.displayName).toBe('Lyrics');
			expect(sung.placeholder).toMatch(/verse|\n/i);
			const described = field({ ...base, customMode: false }, 'prompt');
			expect(described.displayName).toBe('Prompt');
			expect(described.placeholder).not.toMatch(/verse/i);
			const promptsShown = (values: INodeParameters) =>
				shown({ ...base, ...values }).filter((property) => property.name === 'prompt').length;
			expect(promptsShown({ customMode: true, instrumental: false })).toBe(1);
			expect(promptsShown({ customMode: false })).toBe(1);
		},
	);

	it('Suno Replace Section: its prompt is the new Lyrics', () => {
		const lyrics = field(
			{ resource: 'audio', operation: 'replaceSection', audioModel: 'suno/replace-section' },
			'prompt',
		);
		expect(lyrics.displayName).toBe('Lyrics');
		expect(lyrics.description).not.toMatch(/what to make/i);
	});

	it('a sound effect is described as a sound, not as speech or music', () => {
		for (const [audioModel, operation, name] of [
			['elevenlabs/sound-effect-v2', 'generate', 'text'],
			['suno/generate-sounds', 'sounds', 'prompt'],
		]) {
			const text = field({ resource: 'audio', operation, audioModel }, name);
			expect(text.placeholder).not.toMatch(/piano|track|calling|help you/i);
		}
	});
});

describe('voices: each once, with what it sounds like', () => {
	const voiceModels = CATALOGUE.filter((model) =>
		model.fields.some((candidate) => candidate.name === 'voice'),
	);

	it('covers the speech models', () => {
		expect(voiceModels.map((model) => model.id)).toEqual(
			expect.arrayContaining([
				'elevenlabs/text-to-speech-multilingual-v2',
				'elevenlabs/text-to-speech-turbo-2-5',
			]),
		);
	});

	it.each(voiceModels.map((model) => [model.id]))('%s: no name twice, each described', (id) => {
		const voice = field({ resource: 'audio', operation: 'generate', audioModel: id }, 'voice');
		const options = voice.options as INodePropertyOptions[];
		expect(options.length).toBeGreaterThan(50);
		const names = options.map((option) => option.name);
		expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
		const undescribed = options.filter((option) => option.value !== '' && !option.description);
		expect(undescribed.map((option) => option.name)).toEqual([]);
		// A voice id is not a name; a voice listed by name and by id shows once.
		expect(names.filter((name) => /^[A-Za-z0-9]{20}$/.test(name))).toEqual([]);
		expect(names.filter((name) => /^Laura\b/.test(name))).toEqual(['Laura']);
		// Two voices named Aria (the premade one and "Sultry Villain") are both there, told apart.
		expect(options.find((option) => option.value === 'TC0Zp7WVFzhA8zpTlRqV')?.name).toBe(
			'Aria (Sultry Villain)',
		);
		expect(options.find((option) => option.value === 'Rachel')?.description).toBeTruthy();
	});
});

describe('requirements are stated in the field before running', () => {
	const v = (resource: string, operation: string, picker: string, id: string) => ({
		resource,
		operation,
		[picker]: id,
	});

	it.each([
		[
			v('image', 'removeBackground', 'imageModel', 'recraft/remove-background'),
			'image',
			/Needs 1 image\b/,
		],
		[v('image', 'edit', 'imageModel', 'qwen/image-edit'), 'imageUrl', /Needs 1 image\b/],
		[
			v('image', 'edit', 'imageModel', 'flux-2/pro-image-to-image'),
			'imageUrls',
			/Needs 1 to 8 images/,
		],
		[
			v('video', 'generate', 'videoModel', 'kling-3.0/video'),
			'aspectRatio',
			/Required when Image URLs is empty/,
		],
		[
			v('video', 'generate', 'videoModel', 'kling-3.0/video'),
			'prompt',
			/Required when Multi Shots is off/,
		],
		[
			v('video', 'generate', 'videoModel', 'grok-imagine/image-to-video'),
			'imageUrls',
			/Leave empty when Task ID is set/,
		],
		[
			v('video', 'generate', 'videoModel', 'veo3_fast'),
			'aspectRatio',
			/Only 16:9, 9:16 when Generation Type is REFERENCE_2_VIDEO/,
		],
		[
			v('video', 'generate', 'videoModel', 'runway'),
			'quality',
			/Only .*720p.* when Duration is 10/,
		],
		[v('audio', 'generate', 'audioModel', 'V5'), 'style', /Required when Custom Mode is on/],
	] as const)('%j: %s says %s', (values, name, requirement) => {
		const property = field(values as INodeParameters, name);
		expect(property.description).toMatch(requirement);
		expect(property.description).not.toMatch(/\b(image_urls|task_id|multi_shots|generationType)\b/);
	});
});

describe('refusals name fields as the panel shows them', () => {
	const kie: INode = {
		id: 'kie',
		name: 'Kie',
		type: 'n8n-nodes-kie.kie',
		typeVersion: 2,
		position: [0, 0],
		parameters: {},
	};

	function refusal(id: string, parameters: Record<string, unknown>) {
		try {
			check(catalogueModel(id)!, parameters);
		} catch (error) {
			expect(error).toBeInstanceOf(KieInputError);
			const nodeError = toNodeError(kie, error, 0, {});
			return { message: nodeError.message, description: String(nodeError.description) };
		}
		throw new Error(`${id} accepted ${JSON.stringify(parameters)}`);
	}

	it.each([
		[
			'Grok Imagine with both images and a task id',
			'grok-imagine/image-to-video',
			{ imageUrls: ['https://images.example.com/a.png'], taskId: 'grok-task-1' },
			'Image URLs',
			/Image URLs or Task ID/,
		],
		[
			'an edit model without its image',
			'google/nano-banana-edit',
			{ prompt: 'Make it blue' },
			'Image URLs',
			/Image URLs is empty/,
		],
		[
			'Kling 3.0 multi-shot without its shots',
			'kling-3.0/video',
			{ multiShots: true, aspectRatio: '16:9', duration: '5', mode: 'std', sound: false },
			'Multi Prompt',
			/Multi Prompt is empty/,
		],
		[
			'Suno custom mode with vocals and no lyrics',
			'V5',
			{ customMode: true, instrumental: false, style: 'Jazz', title: 'Night' },
			'Lyrics',
			/^Lyrics is empty/,
		],
	])('%s', (_name, id, parameters, label, message) => {
		const { message: text, description: hint } = refusal(id, parameters);
		expect(text).toMatch(message);
		expect(hint).toContain(`Check the "${label}" parameter`);
		expect(`${text} ${hint}`).not.toMatch(
			/\b(imageUrls|image_urls|task_id|taskId|multi_prompt|multiPrompt|customMode)\b/,
		);
	});
});
