/** Field readers the video APIs share: URL lists in their several spellings, and date texts. */
import { z } from 'zod';

/**
 * A list of URLs as Kie's video pages write it: a JSON array, JSON text of one, the create
 * page's "[http://…]" (brackets, no quotes), a single URL, or nothing.
 */
export const urlList = z.unknown().transform((value): string[] => {
	if (Array.isArray(value))
		return value.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
	if (typeof value !== 'string' || value.trim() === '') return [];
	const text = value.trim();
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed))
				return parsed.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
		} catch {
			// "[http://a.mp4, http://b.mp4]": not JSON
		}
		return text
			.slice(1, text.endsWith(']') ? -1 : undefined)
			.split(',')
			.map((entry) => entry.trim().replace(/^["']|["']$/g, ''))
			.filter((entry) => entry !== '');
	}
	return [text];
});

/**
 * A time as epoch milliseconds: Kie's schemas say numbers, its examples show
 * "2025-06-06 10:30:00" (read as UTC). Epoch seconds are scaled up.
 */
export const timeMs = z.unknown().transform((value): number | null => {
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'number' || /^\d+(\.\d+)?$/.test(String(value))) {
		const n = Number(value);
		if (!Number.isFinite(n) || n <= 0) return null;
		return n < 1e11 ? Math.round(n * 1000) : n;
	}
	const match = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)/.exec(String(value));
	if (!match) return null;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	return Date.UTC(y, mo - 1, d, h, mi, s);
});
