/**
 * The words under each field read as panel text (issue 22): no Markdown or list dashes, no
 * "(Optional)" or "Required field." noise, Kie's names in the panel's, and a cut at a sentence or
 * clause, never inside a word. Without panelProse (fieldHints.ts cutting at 160 characters as
 * before) the walk over version 2's description fails on every check but the length.
 */
import type { INodeProperties } from 'n8n-workflow';

import { Kie } from '../../../../nodes/Kie/Kie.node';
import { PAGE_MODELS } from '../../../../nodes/Kie/catalogue/data/models';
import { fieldProperties } from '../../../../nodes/Kie/catalogue/fields';
import { panelProse, type ProseOf } from '../../../../nodes/Kie/catalogue/hintProse';
import { catalogueModel } from '../../../../nodes/Kie/catalogue/modelCatalogue';

const none: ProseOf = { labels: [], switches: [] };

describe('panelProse', () => {
	it('turns Markdown lists into sentences and leaves out what the panel says itself', () => {
		expect(
			panelProse(
				'(Optional) Whether to generate audio. - **true**: Generate with audio - **false**: Generate without audio',
				160,
				none,
			),
		).toBe('Whether to generate audio. true: Generate with audio. false: Generate without audio.');
		expect(
			panelProse('Task ID. Required field. - Optional - Boolean value: true / false', 160, none),
		).toBe('Task ID.');
	});

	it('keeps a list announced by a colon whole, or leaves it out', () => {
		const text = 'The mode. Options: - **a**: fast - **b**: slow';
		expect(panelProse(text, 160, none)).toBe('The mode. Options: a: fast; b: slow.');
		expect(panelProse(text, 30, none)).toBe('The mode.');
	});

	it('cuts at the last sentence that fits, else at a clause, never inside a word', () => {
		const text =
			'Frames per second. Must be between 4 to 60. When using interpolation the final FPS is higher.';
		expect(panelProse(text, 50, none)).toBe('Frames per second. Must be between 4 to 60.');
		expect(
			panelProse('A long first sentence, with a clause that runs on and on without end', 40, none),
		).toBe('A long first sentence…');
		expect(panelProse('One two three four five six', 12, none)).toBe('One two…');
	});

	it('reads on/off fields and repeated conditions in the panel’s words', () => {
		const of: ProseOf = { labels: ['Custom Mode', 'Style'], switches: ['Custom Mode'] };
		expect(
			panelProse(
				'Required in Custom Mode (Custom Mode: true). Only when Custom Mode is true.',
				160,
				of,
			),
		).toBe('Required in Custom Mode. Only when Custom Mode is on.');
		expect(panelProse('In custom mode (customMode: true): style needed.', 160, of)).toBe(
			'In custom mode: style needed.',
		);
	});

	it('leaves out "Required in Custom Mode" when the rules say it', () => {
		const of: ProseOf = {
			labels: ['Custom Mode'],
			switches: ['Custom Mode'],
			requiredWhen: ['Custom Mode'],
		};
		expect(
			panelProse(
				'Style. - Required in Custom Mode (Custom Mode: true). Genre. Note: short',
				160,
				of,
			),
		).toBe('Style. Genre. Note: short.');
		expect(
			panelProse(
				'Title. - Only available and required in Custom Mode (Custom Mode: true).',
				160,
				of,
			),
		).toBe('Title. Only available in Custom Mode.');
		expect(panelProse('Title. Required in Custom Mode.', 160, { ...of, requiredWhen: [] })).toBe(
			'Title. Required in Custom Mode.',
		);
	});

	it('says an on/off field’s own true and false as its toggle does', () => {
		const own: ProseOf = { labels: [], switches: [], onOff: true };
		expect(
			panelProse(
				'Defaults to false. If set to true, the checker runs. - **true**: Fast - **false**: Slow. Set to true to use servers in China, false to use others.',
				200,
				own,
			),
		).toBe(
			'Default: off. When on, the checker runs. On: Fast. Off: Slow. Turn on to use servers in China, off to use others.',
		);
		expect(
			panelProse('Prompt required if instrumental is false. If true: only style.', 160, own),
		).toBe('Prompt required if instrumental is false. On: only style.');
		expect(panelProse('Set to true to use it.', 160, none)).toBe('Set to true to use it.');
	});

	it('states ranges and defaults once, without repeating an option the dropdown shows', () => {
		expect(
			panelProse(
				'Inference steps. Default value: 30 (Min: 2, Max: 49, Step: 1) (step: 1)',
				160,
				none,
			),
		).toBe('Inference steps. Default: 30. From 2 to 49.');
		expect(
			panelProse('Speed. - TURBO: Turbo - QUALITY: Best detail', 160, {
				...none,
				values: ['TURBO', 'QUALITY'],
			}),
		).toBe('Speed. QUALITY: Best detail.');
	});

	it('keeps a difference of two fields and a range as they are', () => {
		const of: ProseOf = { labels: ['Vocal End', 'Vocal Start'], switches: [] };
		expect(panelProse('Vocal End - Vocal Start must be 10 - 30 seconds.', 160, of)).toBe(
			'Vocal End - Vocal Start must be 10 - 30 seconds.',
		);
	});
});

/** Every hint in the node's description, with the label it stands under. */
function hints(properties: readonly INodeProperties[]): Array<[string, string]> {
	return properties.flatMap((property) => [
		...(property.description
			? [[property.displayName, property.description] as [string, string]]
			: []),
		...((property.options ?? []) as INodeProperties[]).flatMap((option) =>
			'type' in option ? hints([option]) : [],
		),
	]);
}

/** Every word of Kie's pages: a cut that ends in one of them did not end inside a word. */
const pageWords = new Set(
	PAGE_MODELS.flatMap((model) =>
		model.fields.flatMap((field) => field.description?.match(/\w+/g) ?? []),
	),
);

describe('version 2’s hints', () => {
	const all = hints(new Kie().description.properties);

	it.each([
		['Markdown', /\*\*|__|\|\s*-{3}|`/],
		['a list dash', /[.:] - /],
		['"(Optional)" or "Optional."', /\(optional\)|(^|\. )Optional\./i],
		['"Required field."', /Required field/],
		['"Default value"', /Default value/],
		['a doubled stop or space', /…\.|\.\.(?!\.)|\S {2}\S/],
		['a switch as Kie writes it', /\([A-Z][\w ]*: (true|false)\)|\(customMode: /],
	])('none has %s', (_, pattern) => {
		expect(all.filter(([, hint]) => pattern.test(hint))).toEqual([]);
	});

	it('says Extend’s Audio ID and Chat’s System Prompt in panel words', () => {
		const under = (label: string) => new Set(all.filter(([l]) => l === label).map(([, h]) => h));
		expect(under('System Prompt')).toEqual(
			new Set(['Instructions the model follows for the whole conversation']),
		);
		expect(under('Audio ID')).toContain(
			'Which of the task’s tracks to continue: the ID of one of the tracks in its output. Empty: the first track.',
		);
	});

	it('none is cut inside a word', () => {
		const cut = all.filter(([, hint]) =>
			[...hint.matchAll(/(\w+)…/g)].some(([, word]) => !pageWords.has(word)),
		);
		expect(cut).toEqual([]);
	});

	const hintOf = (id: string, name: string) => {
		const model = catalogueModel(id);
		const field = model?.fields.find((candidate) => candidate.name === name);
		if (!model || !field) throw new Error(`${id} has no ${name}`);
		return fieldProperties(model, field).map((property) => property.description);
	};

	it('says in our words what a page puts past the length', () => {
		expect(hintOf('veo3_fast', 'generationType')).toEqual([
			'TEXT_2_VIDEO: text only; FIRST_AND_LAST_FRAMES_2_VIDEO: 1 image, or 2 as first and last frame; REFERENCE_2_VIDEO: 1 to 3 reference images, Veo 3.1 Fast only.',
		]);
		expect(hintOf('flux-kontext-pro', 'safetyTolerance')).toEqual([
			'Moderation level for inputs and outputs, from 0 (most strict) to 6 (more permissive); when editing an image, 0 to 2 (balanced). Default: 2.',
		]);
	});

	it('joins rules that differ in one value into one sentence', () => {
		expect(hintOf('veo3_fast', 'imageUrls')).toEqual([
			'Image files to work on: URLs, or binaries in the field below. Up to 3 images. Leave empty when Generation Type is TEXT_2_VIDEO. Required when Generation Type is FIRST_AND_LAST_FRAMES_2_VIDEO or REFERENCE_2_VIDEO.',
			expect.stringContaining('Comma-separated binary properties'),
		]);
		expect(hintOf('bytedance/seedance-2', 'reference_audio_urls')[0]).toBe(
			'Audio files as reference: URLs, or binaries in the field below. Up to 3 audio files. Leave empty when First Frame URL or Last Frame URL is set.',
		);
	});

	it('reads as these do', () => {
		expect(hintOf('V5', 'style')).toEqual([
			'Music style specification for the generated audio. Defines the genre, mood, or artistic direction. Up to 1000 characters. Required when Custom Mode is on.',
		]);
		expect(hintOf('V5', 'customMode')).toEqual([
			'Determines if advanced parameter customization is enabled. On: Allows detailed control with specific requirements for style and title fields. Required.',
		]);
		expect(hintOf('grok-imagine/text-to-video', 'nsfw_checker')).toEqual([
			'Default: off. When off, our content filtering will be disabled, and all results will be returned directly by the model itself.',
		]);
		expect(hintOf('ideogram/character', 'rendering_speed')).toEqual([
			'The rendering speed to use. Default: BALANCED.',
		]);
		expect(hintOf('wan/2-7-image', 'color_palette')).toEqual([
			'Custom color theme. Only available when Enable Sequential is off. Requires 3-10 colors, 8 recommended.',
		]);
		// Its page says "Required when `defaultParamFlag` is `true`" as the rule does: said once.
		expect(hintOf('suno/upload-and-extend-audio', 'continueAt')).toEqual([
			'The time point (in seconds) from which to start extending the music. Required when Default Param Flag is on.',
		]);
		// The page's range, and the node's (what the page and the live API both refuse is refused).
		expect(hintOf('suno/replace-section', 'infillEndS')).toEqual([
			"End of the section to replace (seconds, 2 decimal places), after Infill Start S. Kie's page: a section of 6 to 60 s, at most 50% of the track. Required. 6 to 480 s after Infill Start S.",
		]);
		const replace = new Kie().description.properties
			.filter((property) => property.name === 'operation')
			.flatMap(
				(property) => (property.options ?? []) as Array<{ value?: unknown; description?: string }>,
			)
			.filter((option) => option.value === 'replaceSection')
			.map((option) => option.description);
		expect(new Set(replace)).toEqual(
			new Set(['Suno: new music for a section of a finished track (6 to 60 s on Kie’s page)']),
		);
		expect(hintOf('suno/upload-and-extend-audio', 'personaId')).toEqual([
			'Only available when Default Param Flag is on. Persona ID to apply to the generated music. Use this to apply a specific persona style to your music generation.',
		]);
		expect(hintOf('kling-3.0/video', 'multi_prompt')).toEqual([
			'Shot prompts. Takes effect when Multi Shots is on. Used to describe the text and duration of each shot. Supports up to 5 shots. Required when Multi Shots is on.',
		]);
		expect(hintOf('ideogram/v3-remix', 'strength')).toEqual([
			'Strength of the input image in the remix. Minimum: 0.01. Maximum: 1. Step: 0.01.',
		]);
		expect(hintOf('V5', 'instrumental')).toEqual([
			'Determines if the audio should be instrumental (no lyrics). Required.',
		]);
		expect(hintOf('suno/generate-persona', 'taskId')).toEqual([
			'Unique identifier of the original music generation task. Required.',
		]);
	});
});
