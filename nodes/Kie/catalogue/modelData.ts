/**
 * The shape of the catalogue's generated data (`catalogue/data/`, written by
 * `scripts/catalogue/generate` from Kie's model pages, never edited by hand) and of the
 * hand-kept overrides. Everything the panel shows and every check before paying derives from
 * these records.
 *
 * DRAFT owned by the catalogue-data work (issue 22): refine it there, keep it the one contract.
 */

/** The node's resource and operation a model serves (SPEC 0.3). */
export type CatalogueResource = 'image' | 'video' | 'audio';
export type CatalogueOperation =
	| 'generate'
	| 'edit'
	| 'upscale'
	| 'removeBackground'
	| 'extend'
	| 'transcribe'
	| 'isolate';

export type MediaKind = 'image' | 'video' | 'audio';

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

export type FieldValue = string | number | boolean | null | FieldValue[] | { [k: string]: FieldValue };

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
	default?: FieldValue;
	minimum?: number;
	maximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	/** The field carries media URLs (a URL or a list of URLs): the node also takes binaries. */
	media?: MediaKind;
	/** Accepted MIME types stated on the page (media fields). */
	mimeTypes?: readonly string[];
	/** Largest file per the page ("Max size: 10.0MB" read as 10 MiB). */
	maxFileSizeBytes?: number;
}

/** Where a finished task's results are in its record (`resultJson`). */
export type ResultShape = 'urls' | 'text' | 'object';

/** One market (jobs API) model. */
export interface ModelData {
	/** The jobs-API model id, sent as `model`. */
	id: string;
	/** The model's page, relative to kie-docs `market/` (e.g. `recraft/remove-background.md`). */
	page: string;
	/** The page's title (e.g. "Recraft - Remove Background"). */
	title: string;
	resource: CatalogueResource;
	operation: CatalogueOperation;
	/** The `input` fields in the page's order. */
	fields: readonly FieldData[];
	result: ResultShape;
}
