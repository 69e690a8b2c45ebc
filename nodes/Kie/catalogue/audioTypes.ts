import type { EnumFieldSpec, PromptSpec } from './types';

/** Character limits of Suno's text fields for one model version and endpoint. */
export interface SunoTextLimits {
	prompt: number;
	style: number;
	title: number;
}

/** A number field with its documented range (inclusive). */
export interface NumberFieldSpec {
	field: string;
	min: number;
	max: number;
}

/** Optional fields a model takes through Additional Input, checked when given. */
export interface KnownOptionalFields {
	numbers?: readonly NumberFieldSpec[];
	enums?: readonly EnumFieldSpec[];
	/** Text fields with a length limit. */
	texts?: readonly PromptSpec[];
	booleans?: readonly string[];
}

/** A Suno model version on the Suno API (its own endpoints, fields at the top level). */
export interface SunoModelSpec {
	family: 'suno';
	/** Sent as `model`, e.g. 'V4_5PLUS'. */
	id: string;
	displayName: string;
	description: string;
	docsPage: string;
	api: 'suno';
	createEndpoint: 'suno.generate';
	extendEndpoint: 'suno.extend';
	/** Custom mode: the prompt is the lyrics; style and title are required. */
	customLimits: SunoTextLimits;
	/** Non-custom mode: the prompt is the idea the lyrics are written from. */
	simplePromptMax: number;
	/** Extend with new parameters (the extend page's own limits; its title limits differ). */
	extendLimits: SunoTextLimits;
	optional: KnownOptionalFields;
	/** How long a task usually takes (ms), before the node has learned it. */
	expectedMs: number;
}

/** Extend's parameters (a finished Suno track). */
export interface AudioExtendFields {
	model?: unknown;
	audioId?: unknown;
	prompt?: unknown;
	style?: unknown;
	title?: unknown;
	continueAt?: unknown;
	/** false: inherit the source track's parameters (Kie's `defaultParamFlag: false`). */
	useOriginalParameters?: unknown;
	additionalInput?: unknown;
	callbackUrl?: string;
}
