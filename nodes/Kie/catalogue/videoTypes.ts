import type { EnumFieldSpec, PromptSpec } from './types';

/** The Kie APIs that serve video models. */
export type VideoApi = 'market' | 'veo' | 'runway';

/** An enum field whose values may also be named the common way (e.g. Sora's `landscape` as 16:9). */
export interface VideoEnumSpec extends EnumFieldSpec {
	/** Other spellings users write, mapped onto the model's own value (compared case-insensitively). */
	aliases?: Readonly<Record<string, string>>;
}

export interface VideoImageSpec {
	field: string;
	/** 'array': a list of URLs; 'single': one URL as a plain string. */
	kind: 'array' | 'single';
	min: number;
	max: number;
	/** undefined: the model page states no size limit. */
	maxFileSizeBytes?: number;
	mimeTypes: readonly string[];
	/** What the images are for, shown in the UI and messages. */
	role: string;
}

/** Video length in seconds: a fixed list or a range, sent as a number or as text as the page says. */
export interface DurationSpec {
	field: string;
	/** How Kie wants the value: `5` or `"5"`. */
	send: 'number' | 'string';
	/** Allowed seconds when the page lists them. */
	options?: readonly number[];
	/** Allowed range (whole seconds) when the page gives one. */
	min?: number;
	max?: number;
	default: number;
	/** Kie marks it required: the default is sent when the user leaves it empty. */
	required?: boolean;
}

/**
 * A documented combination Kie refuses, checked before any request: when `when` holds for the
 * mapped body (field → one of the values; '*' = any value present), `field` must be one of
 * `allowed` (or absent when `allowed` is empty).
 */
export interface VideoRule {
	when: Readonly<Record<string, readonly (string | number)[] | '*'>>;
	field: string;
	/** Node parameter to blame. */
	param: string;
	allowed: readonly (string | number)[];
	/** Kie's own reason, for the message. */
	reason: string;
}

/** A known extra field (for Additional Input): validated when present. */
export type VideoExtraField =
	| { field: string; type: 'boolean' }
	| { field: string; type: 'enum'; options: readonly string[] }
	| { field: string; type: 'integer'; min?: number; max?: number }
	| { field: string; type: 'string'; maxLength?: number };

/** Prior for how long a task takes (create → final), before the process has learned it. */
export interface GenerationPrior {
	/** A typical task at the model's default settings, in ms. */
	baseMs: number;
	/** Added per second of video beyond `baseSeconds` (longer videos take longer). */
	perSecondMs?: number;
	baseSeconds?: number;
	/** Multipliers by the value sent as the resolution field. */
	resolutionFactor?: Readonly<Record<string, number>>;
}

export interface VideoModelSpec {
	/** The node's model value (for Veo the same as Kie's `model`; Runway's is derived). */
	id: string;
	displayName: string;
	description: string;
	api: VideoApi;
	/** Create endpoint in the client's endpoint table. */
	createEndpoint: 'market.create' | 'veo.generate' | 'runway.generate';
	/** Model page under https://docs.kie.ai/. */
	docsPage: string;
	prompt: PromptSpec;
	images?: VideoImageSpec;
	aspectRatio?: VideoEnumSpec;
	resolution?: VideoEnumSpec;
	duration?: DurationSpec;
	/** Fields Kie marks required that the node has no parameter for, sent with these values unless Additional Input sets them. */
	fixed?: Readonly<Record<string, string | number | boolean>>;
	extraFields?: readonly VideoExtraField[];
	rules?: readonly VideoRule[];
	prior: GenerationPrior;
	/** Whether `video`/`extend` serves tasks of this model (Veo 3.1 and Runway). */
	extendable?: boolean;
}

/** The node's video parameters; values arrive from expressions, hence `unknown`. */
export interface CommonVideoFields {
	prompt?: unknown;
	aspectRatio?: unknown;
	resolution?: unknown;
	duration?: unknown;
	imageUrls?: unknown;
	additionalInput?: unknown;
	customModel?: unknown;
	customImageField?: unknown;
}
