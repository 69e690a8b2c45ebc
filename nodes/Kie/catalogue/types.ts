/** What the node's image operations call a model's job: text-to-image or image-to-image. */
export type ImageOperation = 'generate' | 'edit';

export interface PromptSpec {
	/** The model's own input field name. */
	field: string;
	required: boolean;
	/** Counted in Unicode code points. Omitted when the model page gives no limit. */
	maxLength?: number;
	minLength?: number;
}

export interface ImageInputSpec {
	field: string;
	/** 'array': a list of URLs; 'single': one URL as a plain string. */
	kind: 'array' | 'single';
	/** Fewest images the model accepts (1 when Kie marks the field required). */
	min: number;
	max: number;
	/** Per file, as stated on the model page ("Max size: 10.0MB" read as 10 MiB). */
	maxFileSizeBytes: number;
	mimeTypes: readonly string[];
}

/** An input field with a fixed set of values (aspect ratio, resolution, output format). */
export interface EnumFieldSpec {
	field: string;
	/** The exact values Kie accepts, in the order the model page lists them. */
	options: readonly string[];
	/** The documented default. */
	default: string;
	/**
	 * Kie marks the field required: when the user leaves it empty the documented default is
	 * sent instead of omitting the field.
	 */
	required?: boolean;
	/** UI label when it is not the usual one, e.g. 'Image Size' or 'Quality'. */
	displayName?: string;
	/** UI hint shown under the field. */
	description?: string;
	/** UI names for option values that need more than the value itself. */
	optionNames?: Readonly<Record<string, string>>;
}

export interface ModelSpec {
	/** The Kie jobs-API model id, sent as `model`. */
	id: string;
	displayName: string;
	/** One short sentence for the model picker. */
	description: string;
	/** Which node operations the model serves. */
	operations: readonly ImageOperation[];
	/** The model's page in Kie's docs (https://docs.kie.ai/), as a path. */
	docsPage: string;
	prompt: PromptSpec;
	images?: ImageInputSpec;
	aspectRatio?: EnumFieldSpec;
	resolution?: EnumFieldSpec;
	outputFormat?: EnumFieldSpec;
	/**
	 * A model of one of Kie's dedicated image APIs (outside the jobs API): its fields go at the
	 * top level of the create body, not under `input`. Absent: the jobs API.
	 */
	dedicatedApi?: DedicatedApiSpec;
}

/** Where a model of a dedicated Kie API is created (see the client's endpoint table). */
export interface DedicatedApiSpec {
	/** The client's API family, e.g. '4o-image' or 'flux-kontext'. */
	api: '4o-image' | 'flux-kontext';
	/** The endpoint-table row that creates the task, e.g. 'flux-kontext.generate'. */
	createEndpoint: '4o-image.generate' | 'flux-kontext.generate';
	/** The value of the body's `model` field; null when the API has no such field. */
	modelField: string | null;
	/** How long a task usually takes (ms), before the node has learned it. */
	expectedMs: number;
}

/** The node parameters the catalogue maps; values arrive from expressions, hence `unknown`. */
export interface CommonImageFields {
	prompt?: unknown;
	aspectRatio?: unknown;
	resolution?: unknown;
	outputFormat?: unknown;
	/** string[] or a comma/newline separated string. */
	imageUrls?: unknown;
	/** An object, a JSON string of an object, or ''. */
	additionalInput?: unknown;
	customModel?: unknown;
	/**
	 * Custom model only: the input field that receives the image URLs (default 'image_urls').
	 * A name ending in `_url` gets one URL as a string, any other name gets an array.
	 */
	customImageField?: unknown;
}

export interface BinaryInfo {
	mimeType?: string;
	/** Bytes, or n8n's human form ("1.2 MB", "345 kB"). */
	fileSize?: number | string;
	/** Exact byte count (n8n's `binaryData.bytes`); preferred over `fileSize` when present. */
	bytes?: number;
	fileName?: string;
	/** The binary property name, for messages. */
	propertyName: string;
}

/** Image limits for one model (and operation), for checks before uploading binaries. */
export interface ImageLimits {
	min: number;
	max: number;
	/** undefined: no known limit (custom models). */
	maxFileSizeBytes?: number;
	/** Exact types, or wildcards like 'image/*' for custom models. */
	mimeTypes: readonly string[];
}
