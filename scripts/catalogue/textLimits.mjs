/**
 * Text limits a page states in prose per model version or per mode (Suno's pages), read as
 * FieldRules with `maxLength` (nodes/Kie/catalogue/modelData.ts):
 *
 *   In Custom Mode (`customMode: true`): … Character limits by model: - **V4**: Maximum 3000
 *   characters - **V4_5 & V4_5PLUS**: Maximum 5000 characters … - In Non-custom Mode
 *   (`customMode: false`): … Maximum 500 characters.
 *
 * A list under "In Custom Mode" holds in that mode only; one outside the modes holds in both.
 */
const MODE = /In (?:Custom|Non-custom) Mode \(`customMode: (true|false)`\)/g;
const PER_VERSION = /\*\*([\w &]+?)\*\*:\s*Maximum ([\d,]+) characters/g;
const IN_MODE = /(?:Maximum|Max length:) ([\d,]+) characters/;

const number = (text) => Number(text.replace(/,/g, ''));

/** The description cut at its modes: the text before any, then each mode's own. */
function segments(description) {
	const marks = [...description.matchAll(MODE)];
	if (marks.length === 0) return [{ text: description }];
	return [
		{ text: description.slice(0, marks[0].index) },
		...marks.map((mark, i) => ({
			customMode: mark[1] === 'true',
			text: description.slice(mark.index + mark[0].length, marks[i + 1]?.index),
		})),
	];
}

/** What a description says outside its modes (limits there hold in every mode). */
export const outsideModes = (description) => segments(description)[0].text;

function reason(versions, customMode, limit) {
	const who =
		versions.length === 0
			? ''
			: ` for ${versions.length === 1 ? 'model' : 'models'} ${versions.join(', ')}`;
	const mode = customMode === undefined ? '' : ` in ${customMode ? 'custom' : 'non-custom'} mode`;
	return `at most ${limit} characters${who}${mode}`;
}

/**
 * The rules of one text field. `version`: the record's own model id when the page's `model`
 * is not a field (Generate Music: one record per version): its limits hold for it alone.
 */
export function readTextLimits(field, description, version) {
	if (field.type !== 'string' || field.enum || field.media || !description) return [];
	const rules = [];
	for (const { customMode, text } of segments(description)) {
		const byLimit = new Map();
		for (const [, names, max] of text.matchAll(PER_VERSION)) {
			const versions = names.split(/\s*(?:&|\band\b)\s*/).filter(Boolean);
			byLimit.set(number(max), [...(byLimit.get(number(max)) ?? []), ...versions]);
		}
		const when = customMode === undefined ? {} : { customMode: [customMode] };
		if (byLimit.size === 0) {
			const flat = customMode === undefined ? undefined : text.match(IN_MODE);
			if (flat) {
				const limit = number(flat[1]);
				const versions = version ? [version] : [];
				rules.push({
					when,
					field: field.name,
					maxLength: limit,
					reason: reason(versions, customMode, limit),
				});
			}
			continue;
		}
		for (const [limit, versions] of byLimit) {
			if (version !== undefined && !versions.includes(version)) continue;
			rules.push({
				when: version === undefined ? { model: versions, ...when } : when,
				field: field.name,
				maxLength: limit,
				reason: reason(version === undefined ? versions : [version], customMode, limit),
			});
		}
	}
	return rules.map((rule) => (Object.keys(rule.when).length === 0 ? withoutWhen(rule) : rule));
}

const withoutWhen = ({ when: _when, ...rule }) => rule;

/** Every text field's rules, in the fields' order, from their (folded) descriptions. */
export const textLimitRules = (fields, version) =>
	fields.flatMap((field) => readTextLimits(field, field.description, version));
