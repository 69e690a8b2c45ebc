/**
 * The shape of the catalogue's data: `catalogue/data/models.ts` is written by
 * `scripts/catalogue/generate.mjs` (`npm run catalogue`) from Kie's model pages and never edited
 * by hand; `catalogue/overrides.ts` holds, by hand, what the live API does differently from a
 * page or what a page lacks; `catalogue/modelCatalogue.ts` merges the two into the models the
 * node offers. Everything the panel shows and every check before paying derives from these
 * records.
 *
 * A contract between the data and the pipeline: changes are additive only.
 */
import type { KieApi } from '../client/types';

/** The node's resource and operation a model serves (SPEC 0.3). */
export type CatalogueResource = 'image' | 'video' | 'audio';
export type CatalogueOperation =
	| 'generate'
	| 'edit'
	| 'upscale'
	| 'removeBackground'
	| 'extend'
	| 'transcribe'
	| 'isolate'
	// Suno's tools (suno-api/), one operation each.
	| 'lyrics'
	| 'timestampedLyrics'
	| 'cover'
	| 'uploadAndCover'
	| 'uploadAndExtend'
	| 'addVocals'
	| 'addInstrumental'
	| 'separateVocals'
	| 'convertToWav'
	| 'midi'
	| 'musicVideo'
	| 'replaceSection'
	| 'mashup'
	| 'sounds'
	| 'persona'
	| 'boostStyle';

export type MediaKind = 'image' | 'video' | 'audio';

/**
 * What a media field's files are for, read from the field's name: the first or last frame of a
 * video, a mask, reference material, or (`input`) the media the model works on.
 */
export type MediaRole = 'input' | 'firstFrame' | 'lastFrame' | 'reference' | 'mask';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export type FieldValue =
	| string
	| number
	| boolean
	| null
	| readonly FieldValue[]
	| { readonly [k: string]: FieldValue };

/** One input field of a model, as its page documents it. */
export interface FieldData {
	/** Kie's own field name, exactly as sent (e.g. `negative_prompt`). */
	name: string;
	type: FieldType;
	/** Arrays: the items' type; `object` items describe their own fields in `properties`. */
	itemType?: FieldType;
	/** Objects (or arrays of objects): their fields. */
	properties?: readonly FieldData[];
	required: boolean;
	/** The page's description, whitespace folded (shown as the parameter's hint). */
	description?: string;
	/** The page's enum, in the page's order. */
	enum?: readonly (string | number)[];
	/** The page's names for enum values (its `x-apidog-enum`), where it gives any. */
	enumNames?: Readonly<Record<string, string>>;
	/** What the page says of each enum value, where its prose does (ElevenLabs' voices). */
	enumDescriptions?: Readonly<Record<string, string>>;
	default?: FieldValue;
	/** The page's first example (a placeholder for the panel). */
	example?: FieldValue;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	/** A regular expression the value must match (JavaScript syntax). */
	pattern?: string;
	/** The page marks the field deprecated. */
	deprecated?: boolean;
	/** The field carries media URLs (a URL or a list of URLs): the node also takes binaries. */
	media?: MediaKind;
	/** What the media are for (media fields). */
	mediaRole?: MediaRole;
	/** Accepted MIME types stated on the page (media fields). */
	mimeTypes?: readonly string[];
	/** Largest file per the page ("Max size: 10.0MB" read as 10 MiB). */
	maxFileSizeBytes?: number;
}

/**
 * A condition between fields, from a page's prose or the live API, checked before paying.
 * When every `when` entry holds (a list: the field has one of these values; 'present' /
 * 'absent': the field is sent or not), `field` must be one of `allowed`, must be sent
 * (`required`) or must not be sent (`forbidden`).
 */
export interface FieldRule {
	when?: Readonly<Record<string, readonly FieldValue[] | 'present' | 'absent'>>;
	field: string;
	allowed?: readonly FieldValue[];
	required?: boolean;
	forbidden?: boolean;
	/** A text `field` must match `regex` (JavaScript syntax); `expected` says what in words. */
	pattern?: { regex: string; expected: string };
	/** A list `field` must have at most this many entries. */
	maxItems?: number;
	/** A text `field` must have at most this many characters (Suno's limits per version and mode). */
	maxLength?: number;
	/** A number `field` minus the number `from` must lie in [min, max] (a section's length). */
	span?: { from: string; min: number; max: number };
	/** Shown to the user when the rule refuses input. */
	reason: string;
}

/** Which of Kie's APIs creates a model's task: one the client reads tasks of, or one of these. */
export type ModelApi =
	| KieApi
	// Veo's and Runway's extend of a finished task (Video → Extend).
	| 'veo-extend'
	| 'runway-extend'
	// Veo's 1080P file (a GET asked until ready) and 4K task of a finished task (Video → Upscale).
	| 'veo-1080p'
	| 'veo-4k'
	// Suno's extend of a track of a finished task (Audio → Extend).
	| 'suno-extend'
	// Suno's tools that make music (read as songs), and those that answer at once (no task).
	| 'suno-tool'
	| 'suno-timestamped-lyrics'
	| 'suno-persona'
	| 'suno-boost-style';

/** Where a finished task's results are in its record. */
export interface ResultData {
	/**
	 * `urls`: files at `resultUrls` (and the dedicated APIs' own lists); `text`: a text at
	 * `resultObject` (speech-to-text transcripts); `object`: a JSON object (e.g. Sora's
	 * `character_id`).
	 */
	kind: 'urls' | 'text' | 'object';
	/** The kind of the result files (`urls`). */
	media?: MediaKind;
	/** Further URL lists in the result beside `resultUrls` (Seedance 2's `lastFrameUrl`). */
	extraUrlKeys?: readonly string[];
	/** The keys of an `object` result the page documents. */
	objectKeys?: readonly string[];
}

/** One model: a page of Kie's market (jobs API) or a model of a dedicated API. */
export interface ModelData {
	/** The model id: sent as `model` (see `modelField`); unique in the catalogue. */
	id: string;
	api: ModelApi;
	/** The create endpoint's path, e.g. `/api/v1/jobs/createTask`. */
	endpoint: string;
	/** The body field that carries `id` (`model`); null when the API has none (Runway, 4o Image). */
	modelField: string | null;
	/** Where the fields go: under `input` (jobs API) or at the top level of the body. */
	fieldsAt: 'input' | 'body';
	/**
	 * The model's page, relative to kie-docs (e.g. `market/recraft/remove-background.md`);
	 * `added:<id>` for a model the pages lack (overrides.ts ADDED_MODELS names its source).
	 */
	page: string;
	/** The page's title (e.g. "Recraft - Remove Background"). */
	title: string;
	/** The name the model picker shows (the title unless the overrides say better). */
	displayName: string;
	/** One short sentence for the model picker. */
	description: string;
	/** The maker, from the page's folder in Kie's docs (e.g. "Kling", "Seedream"). */
	family: string;
	resource: CatalogueResource;
	/** What the model does: its operation in the node. */
	operation: CatalogueOperation;
	/**
	 * Every operation it serves, `operation` first: an image model whose image input is
	 * optional serves both `generate` and `edit`.
	 */
	operations: readonly CatalogueOperation[];
	/** The fields in the page's order (for the jobs API: the `input` fields). */
	fields: readonly FieldData[];
	result: ResultData;
	/** Cross-field conditions (from the pages' prose and the overrides). */
	rules?: readonly FieldRule[];
	/**
	 * Set when Kie no longer serves the model (or the page is marked deprecated): it stays
	 * runnable for saved workflows, says so in its description and is no default.
	 */
	withdrawn?: string;
}
