/**
 * Bad input found before any request is sent. `field` is the node parameter to fix
 * (e.g. 'resolution', 'imageUrls', 'additionalInput'), so the operation can point the user at it.
 */
export class KieInputError extends Error {
	readonly field: string;
	readonly value: unknown;
	readonly allowed?: string;
	/** The parameter as the panel shows it ("Image URLs"), where the thrower knows it. */
	label?: string;

	constructor(field: string, value: unknown, message: string, allowed?: string) {
		super(message);
		this.name = 'KieInputError';
		this.field = field;
		this.value = value;
		if (allowed !== undefined) this.allowed = allowed;
	}
}

const MAX_SHOWN = 80;

/** A value as it should appear inside an error message: quoted strings, short JSON. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'string') return JSON.stringify(shorten(value));
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
		return String(value);
	}
	if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`;
	let json: string | undefined;
	try {
		json = JSON.stringify(value);
	} catch {
		json = undefined;
	}
	return json === undefined ? Object.prototype.toString.call(value) : shorten(json);
}

/** The kind of value for messages like "must be text, got a number (42)". */
export function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

function shorten(text: string): string {
	const chars = [...text];
	return chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN - 1).join('')}…` : text;
}
