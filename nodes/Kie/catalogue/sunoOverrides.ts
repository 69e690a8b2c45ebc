/** What the live API of Suno's tools does beyond their pages (see overrides.ts for the shape). */
import type { FieldRule } from './modelData';
import type { ModelOverride } from './overrides';

/**
 * Suno's custom mode, as Generate Music's page states it: Generate's rules (APIS in
 * modelCatalogue.ts), and upload-and-cover's and mashup's.
 */
export const SUNO_CUSTOM_MODE: readonly FieldRule[] = [
	{
		when: { customMode: [true] },
		field: 'style',
		required: true,
		reason: 'Suno custom mode needs a style',
	},
	{
		when: { customMode: [true] },
		field: 'title',
		required: true,
		reason: 'Suno custom mode needs a title',
	},
	{
		when: { customMode: [true], instrumental: [false] },
		field: 'prompt',
		required: true,
		reason: 'with vocals, Suno custom mode sings the prompt as lyrics',
	},
	{
		when: { customMode: [false] },
		field: 'prompt',
		required: true,
		reason: 'Suno writes the song from the prompt',
	},
];

/** Extend's own parameters (`defaultParamFlag`), as Upload and Extend's and Extend Music's pages state them. */
const DEFAULT_PARAM_FLAG: readonly FieldRule[] = [
	{
		when: { defaultParamFlag: [true] },
		field: 'style',
		required: true,
		reason: 'with Default Param Flag on, Suno takes the style from here',
	},
	{
		when: { defaultParamFlag: [true] },
		field: 'title',
		required: true,
		reason: 'with Default Param Flag on, Suno takes the title from here',
	},
];

/** Peers saw Kie refuse a short one-line instruction where lyrics belong (code 531). */
const SUNO_LYRICS: FieldRule = {
	when: { instrumental: [false], prompt: 'present' },
	field: 'prompt',
	pattern: {
		regex: '[\\n\\[]|^[\\s\\S]{100,}$',
		expected: 'lyrics: several lines, [Verse] tags, or 100 characters or more',
	},
	reason:
		'Suno sings this prompt as lyrics, and refuses a short one-line instruction (531): write the lyrics, with line breaks or [Verse] tags',
};

/** The Suno version: the songs of the pages' examples are V5's. */
const SUNO_VERSION_DEFAULT = {
	reason: "The page gives no default Suno version; the node's is V5 as for Generate",
	source: 'nodes/Kie/catalogue/panel.ts: audio.generate defaults to V5',
};

/*
 * Text limits: the pages' own are read by scripts/catalogue/textLimits.mjs and pages.mjs. Add
 * Vocals, Add Instrumental and Replace Section state none (fields or prose), and no page gives
 * them one: quickstart.md's "Prompt Character Limits" are Generate Music's modes, and its
 * 80-character title is not the tools' (Upload and Cover/Extend allow 100). None is checked.
 */
export const SUNO_TOOL_OVERRIDES: readonly ModelOverride[] = [
	{
		page: 'suno-api/upload-and-cover-audio.md',
		...SUNO_VERSION_DEFAULT,
		reason: `${SUNO_VERSION_DEFAULT.reason}; the page marks prompt required, yet its prose needs it only with vocals or outside custom mode (as Generate Music)`,
		fields: { prompt: { required: false }, model: { default: 'V5' } },
		rules: SUNO_CUSTOM_MODE,
	},
	{
		page: 'suno-api/generate-mashup.md',
		...SUNO_VERSION_DEFAULT,
		reason: `${SUNO_VERSION_DEFAULT.reason}; custom mode as Generate Music (its prose)`,
		fields: { model: { default: 'V5' } },
		rules: SUNO_CUSTOM_MODE,
	},
	{
		page: 'suno-api/upload-and-extend-audio.md',
		reason:
			"Kie refuses continueAt 0 (\"greater than 0\"); with defaultParamFlag, style and title (and prompt with vocals) are needed; the prompt is sung as lyrics. The page's schema lists continueAt as required, its description and usage guide only with defaultParamFlag true; docs that disagree: both handled, it is required with the flag on (as the peers' live requests had it) and never refused without it; the panel's untouched 0.01 is sent as before, so saved workflows send what they sent. The page gives no default Suno version (the node's is V5)",
		source:
			'suno-api/upload-and-extend-audio.md continueAt ("Required when `defaultParamFlag` is `true`") and "Parameter Usage Guide"; peers against the live API (issue 23, with defaultParamFlag true): continueAt needed, a one-line instruction as prompt refused with 531',
		fields: {
			continueAt: { minimum: 0.01, required: false, default: 0.01 },
			model: { default: 'V5' },
		},
		rules: [
			...DEFAULT_PARAM_FLAG,
			{
				when: { defaultParamFlag: [true] },
				field: 'continueAt',
				required: true,
				reason: 'with Default Param Flag on, Suno extends the upload from this second',
			},
			{
				when: { defaultParamFlag: [true], instrumental: [false] },
				field: 'prompt',
				required: true,
				reason: 'with vocals, Suno sings the prompt as lyrics',
			},
			SUNO_LYRICS,
		],
	},
	{
		page: 'suno-api/extend-music.md',
		reason:
			"The page marks prompt required, yet its prose needs prompt, style, title and continueAt only with defaultParamFlag true (without it Suno inherits the source track's). Audio → Extend reads the rest from the source task: model is its Suno version (\"must match the source audio's\"), an empty style or title is its track's tags or title, continueAt lies inside its duration (catalogue/v1/sunoExtend.ts)",
		source:
			'suno-api/extend-music.md "Parameter Details" and "Developer Notes"; continueAt "greater than 0 and less than the total duration"',
		fields: { prompt: { required: false } },
		rules: [
			...DEFAULT_PARAM_FLAG,
			{
				when: { defaultParamFlag: [true] },
				field: 'prompt',
				required: true,
				reason: 'with Default Param Flag on, Suno continues the track as the prompt says',
			},
			{
				when: { defaultParamFlag: [true] },
				field: 'continueAt',
				required: true,
				reason: 'with Default Param Flag on, Suno extends from this second of the source track',
			},
		],
	},
	{
		page: 'suno-api/replace-section.md',
		reason:
			"The live API needs fullLyrics (the whole song with the new section). The section's length: the page says 6 to 60 s and at most 50 % of the track, peers saw the live API take 10 to 480 s. Docs that disagree, both handled (bad input costs nothing): the node refuses only what both refuse, under 6 s or over 480 s; 6 to 10 s and 60 to 480 s are sent and Kie decides. The 50 % needs the track's duration, which the node does not read: not checked. The hint says what the page says (fieldHints.ts)",
		source:
			'replace-section.md "Time Range Instructions" and infillStartS/infillEndS; peers against the live API (issue 23): fullLyrics needed, a section of 10 to 480 s',
		fields: { fullLyrics: { required: true } },
		rules: [
			{
				field: 'infillEndS',
				span: { from: 'infillStartS', min: 6, max: 480 },
				reason:
					"Kie's page and its live API both refuse a section (Infill End S − Infill Start S) under 6 s or over 480 s",
			},
		],
	},
	{
		page: 'suno-api/generate-persona.md',
		reason: "The page's field names ' vocalStart' and ' vocalEnd' begin with a space",
		source: 'suno-api/generate-persona.md: the example request sends vocalStart and vocalEnd',
		fields: { ' vocalStart': { name: 'vocalStart' }, ' vocalEnd': { name: 'vocalEnd' } },
		rules: [
			{
				field: 'vocalEnd',
				span: { from: 'vocalStart', min: 10, max: 30 },
				reason: 'Suno reads a persona from 10 to 30 seconds of vocals (Vocal End − Vocal Start)',
			},
		],
	},
	{
		page: 'suno-api/generate-sounds.md',
		reason:
			'The page gives soundTempo a default of null: Kie chooses the tempo when it is left out (not 1 BPM)',
		source: 'suno-api/generate-sounds.md soundTempo',
		fields: { soundTempo: { default: undefined } },
	},
];
