/*
 * Suno's text limits per version, as the pages of ../shared/kie-docs/suno-api/ state them:
 * Generate Music and Mashup give every version an 80-character title; Extend Music, Upload and
 * Cover and Upload and Extend give V4_5, V4_5PLUS, V5 and V5_5 100 ("Character Limits" notes).
 * Lengths are counted in characters (code points), as the node counts them.
 */

export interface Limits {
	prompt: number;
	style: number;
	title: number;
}

/** Generate Music's and Mashup's. */
export const generateLimits = (model: string): Limits =>
	model === 'V4'
		? { prompt: 3000, style: 200, title: 80 }
		: { prompt: 5000, style: 1000, title: 80 };

/** Extend Music's, Upload and Cover's and Upload and Extend's. */
export const versionLimits = (model: string): Limits => ({
	...generateLimits(model),
	title: model === 'V4' || model === 'V4_5ALL' ? 80 : 100,
});

export const textLength = (value: unknown) => (typeof value === 'string' ? [...value].length : 0);

/** Kie's 422 message for the first of prompt, style and title over its limit. */
export function checkLengths(body: Record<string, unknown>, limits: Limits): string | undefined {
	const field = (['prompt', 'style', 'title'] as const).find(
		(name) => textLength(body[name]) > limits[name],
	);
	return field
		? `${field} length cannot exceed ${limits[field]} characters for model ${String(body.model)}`
		: undefined;
}
