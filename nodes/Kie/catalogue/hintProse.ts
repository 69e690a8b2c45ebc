/**
 * A page's description as panel text: plain sentences (no Markdown, no list dashes), without the
 * noise the panel says itself ("(Optional)", "Required field."), and short enough, cut at a
 * sentence or clause, never inside a word.
 */

export interface ProseOf {
	/** Every label the panel shows for the model's fields. */
	labels: readonly string[];
	/** The labels of its on/off fields ("Custom Mode is true" reads "Custom Mode is on"). */
	switches: readonly string[];
	/** The field itself is on/off: its page's "true" and "false" read "on" and "off". */
	onOff?: boolean;
	/** The on/off fields whose being on makes this one required, as its rules say already. */
	requiredWhen?: readonly string[];
	/** The field's options: an item that only repeats one ("TURBO: Turbo") is left out. */
	values?: readonly unknown[];
}

const bare = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** "TURBO: Turbo", "2: 2 images": an item naming an option the dropdown already shows. */
function repeatsOption(unit: string, values: readonly unknown[]): boolean {
	const [, value, words] = /^([^:]+): (.*)$/.exec(unit) ?? [];
	return (
		value !== undefined &&
		values.some((option) => String(option) === value) &&
		words.split(' ').length <= 2 &&
		bare(words).startsWith(bare(value))
	);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words a unit may be that say nothing the panel does not already say. */
const NOISE = new RegExp(
	[
		'optional(?: field| parameter)?',
		'required field',
		'required for all requests',
		'boolean value: (?:true|on) / (?:false|off)',
		'you can (?:set|turn) it (?:to )?(?:true|false|on|off) based on your needs',
	]
		.map((words) => `^${words}$`)
		.join('|'),
	'i',
);

/** Markdown, tables, links and Kie's generated range notes as plain words. */
function plain(text: string): string {
	return (
		text
			// A table (and the words that announce it) says what the options already show.
			.replace(/[^.!?:|]*:\s*\|.*\|\s*/g, ' ')
			.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
			.replace(/\*\*|__|(^|\s)>\s/g, '$1')
			.replace(/\s*\((?:Boolean value \(true\/false\)|boolean: true\/false)\)/gi, '')
			.replace(/\s*\(optional\)/gi, '')
			.replace(/\s*\(step: [\d.]+\)/g, '')
			.replace(
				/\s*\(Min: ([-\d.]+), Max: ([-\d.]+), Step: ([\d.]+)\)/g,
				(_, min: string, max: string, step: string) =>
					`. From ${min} to ${max}${step === '1' ? '' : `, in steps of ${step}`}.`,
			)
			.replace(/([a-z0-9)])\s+(Default(?: value)?:|Note:)/g, '$1. $2')
			.replace(/\bDefault(?:s to| value(?: is|:))\s*"?([^"\s,.]+(?:\.\d+)?)"?/g, 'Default: $1')
			.replace(/\s+/g, ' ')
	);
}

/** "(Custom Mode: true)" after the words it repeats goes; otherwise it reads "(Custom Mode on)". */
function switchWords(text: string, of: ProseOf): string {
	let words = text.replace(
		/\s*\(([A-Za-z][\w ]*): (true|false)\)/g,
		(whole: string, name: string, value: string, at: number) => {
			const before = text.slice(Math.max(0, at - 40), at).toLowerCase();
			if (!of.labels.includes(name) || before.includes(name.toLowerCase())) return '';
			return ` (${name} ${onOff(value)})`;
		},
	);
	for (const label of of.switches) {
		words = words.replace(
			new RegExp(`\\b${escape(label)}(?: is|\\s*=)\\s*(true|false)\\b`, 'g'),
			(_, value: string) => `${label} is ${onOff(value)}`,
		);
	}
	words = words.replace(/\bwhen [\w -]+? \(([^()]+) on\) is enabled/g, 'when $1 is on');
	return of.onOff ? ownSwitch(words) : words;
}

const onOff = (value: string) => (value === 'true' ? 'on' : 'off');

/** An on/off field's own "true" and "false" as the toggle reads: "Set to true to" is "Turn on to". */
function ownSwitch(text: string): string {
	return text
		.replace(/\bIf set to (true|false)\b/g, (_, value: string) => `When ${onOff(value)}`)
		.replace(/\bIf (true|false):/g, (_, value: string) => (value === 'true' ? 'On:' : 'Off:'))
		.replace(/\bIf (true|false)\b/g, (_, value: string) => `When ${onOff(value)}`)
		.replace(
			/\b([Ss])et(ting)? (it )?(?:to )?(true|false)\b/g,
			(_, s: string, ing = '', it = '', value: string) =>
				`${s === 'S' ? 'T' : 't'}urn${ing ? 'ing' : ''} ${it}${onOff(value)}`,
		)
		.replace(
			/(?<!\bis |")\b(true|false)\b(?!")/g,
			(value: string, _: string, at: number, all: string) => {
				const word = onOff(value);
				const starts = at === 0 || /(?:[.!?]|\s-)\s$/.test(all.slice(0, at));
				return starts ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word;
			},
		);
}

/** A list dash, not a range ("0 - 2500") nor a difference of two fields ("End - Start"). */
function isListDash(before: string, after: string, of: ProseOf): boolean {
	if (/\d$/.test(before) && /^[\d.]+(?![\d.]*:)/.test(after)) return false;
	return (
		!of.labels.some((label) => before.endsWith(label)) ||
		!of.labels.some((label) => after.startsWith(label))
	);
}

const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|Dr|No)\.$/;

interface Unit {
	text: string;
	/** It was a list item (it followed a dash). */
	item: boolean;
}

/** The text's sentences; each list item is one, so a cut never lands inside an item. */
function units(text: string, of: ProseOf): Unit[] {
	const found: Unit[] = [];
	let start = 0;
	let depth = 0;
	let item = false;
	const close = (end: number, nextIsItem: boolean) => {
		const unit = text.slice(start, end).trim();
		if (unit) found.push({ text: unit, item });
		item = nextIsItem;
	};
	for (let at = 0; at < text.length; at++) {
		const char = text[at];
		if (char === '(') depth++;
		if (char === ')') depth = Math.max(0, depth - 1);
		if (depth > 0) continue;
		if (
			char === '-' &&
			(at === 0 || text[at - 1] === ' ') &&
			text[at + 1] === ' ' &&
			isListDash(text.slice(0, at).trimEnd(), text.slice(at + 2), of)
		) {
			close(at, true);
			start = at + 2;
		} else if (
			/[.!?]/.test(char) &&
			text[at + 1] === ' ' &&
			!ABBREVIATION.test(text.slice(start, at + 1))
		) {
			close(at + 1, false);
			start = at + 2;
		}
	}
	close(text.length, false);
	return found;
}

/** A unit as a sentence ending in a stop; one that announces a list ("…:") keeps its colon. */
function sentence(unit: string): string {
	const words = unit
		.replace(/^Optional ([a-z])/, (_, letter: string) => letter.toUpperCase())
		.replace(/\s+([.,;:])/g, '$1')
		.replace(/([.!?])\.+$/, '$1');
	return /[.!?:]$/.test(words) ? words : `${words}.`;
}

/** Sentences; a list announced by "…:" is one, its items joined by "; ", so it is kept whole or left out. */
function sentences(found: readonly Unit[]): string[] {
	const out: string[] = [];
	for (let at = 0; at < found.length; at++) {
		const head = sentence(found[at].text);
		const items: string[] = [];
		while (head.endsWith(':') && found[at + 1]?.item) {
			items.push(sentence(found[++at].text).replace(/[.:]$/, ''));
		}
		out.push(items.length > 0 ? `${head} ${items.join('; ')}.` : head);
	}
	return out;
}

/** Where a clause may end, strongest first: "; ", then ", " or a dash, then a parenthesis. */
const CLAUSE_ENDS = [/;\s/g, /[,:—–]\s|\s[—–-]\s/g, /\s\(/g];

/** The longest start of `text` within `max` characters (with "…") that ends at a clause. */
function clause(text: string, max: number): string {
	const room = text.slice(0, max);
	const at = (ends: RegExp) =>
		[...room.matchAll(ends)].map((match) => match.index ?? 0).filter((end) => end >= max / 2);
	const cut =
		CLAUSE_ENDS.map(at)
			.find((ends) => ends.length > 0)
			?.pop() ?? room.lastIndexOf(' ');
	return `${room.slice(0, cut > 0 ? cut : max).replace(/[\s,;:(—–-]+$/, '')}…`;
}

/** "Required in Custom Mode." goes when the hint's rules say it ("Required when Custom Mode is on."). */
function withoutRequiredIn(unit: string, labels: readonly string[]): string {
	const label = labels.find((candidate) =>
		new RegExp(`required in ${escape(candidate)}\\.?$`, 'i').test(unit),
	);
	if (!label) return unit;
	return unit
		.replace(
			new RegExp(`^Only available and required in ${escape(label)}`, 'i'),
			`Only available in ${label}`,
		)
		.replace(new RegExp(`^Required in ${escape(label)}\\.?$`, 'i'), '');
}

/** `text` as panel prose of at most `max` characters. */
export function panelProse(text: string, max: number, of: ProseOf): string {
	const all = sentences(
		units(switchWords(plain(text), of), of)
			.map((unit) => ({ ...unit, text: withoutRequiredIn(unit.text, of.requiredWhen ?? []) }))
			.filter((unit) => {
				const words = unit.text.replace(/[.:]$/, '').trim();
				return (
					words !== '' &&
					!NOISE.test(words) &&
					!(unit.item && repeatsOption(words, of.values ?? []))
				);
			}),
	);
	let prose = '';
	for (const next of all) {
		const longer = prose ? `${prose} ${next}` : next;
		if (longer.length > max) break;
		prose = longer;
	}
	// A text that only announces what follows ("Options:") says nothing on its own.
	prose = prose.replace(/\s*[^.!?]*:$/, '');
	if (prose) return prose;
	// Nothing fits whole: the first sentence, cut at a clause (a lone "…:" says nothing).
	return all.length > 0 && all[0].length > max ? clause(all[0].replace(/[.:]$/, ''), max - 1) : '';
}
