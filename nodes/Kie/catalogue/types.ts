export interface PromptSpec {
	/** The model's own input field name. */
	field: string;
	required: boolean;
	/** Counted in Unicode code points. Omitted when the model page gives no limit. */
	maxLength?: number;
	minLength?: number;
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
