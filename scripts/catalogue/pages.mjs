/**
 * Reads Kie's pages (kie-docs) into catalogue records (the shape of
 * nodes/Kie/catalogue/modelData.ts). Mechanical: every value comes from a page; the few
 * readings of names and prose are the functions below, each saying what it reads.
 *
 *   node scripts/catalogue/pages.mjs --list   every market page: model, chat or other (JSON)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';

import { outsideModes, textLimitRules } from './textLimits.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DOCS_DEFAULT = path.resolve(ROOT, '../shared/kie-docs');

const JOBS_CREATE = '/api/v1/jobs/createTask';

/**
 * The dedicated APIs' create pages whose models the node offers beside the market's. Each
 * page's `model` enum gives its ids; an API without a model field has one id of ours.
 */
const DEDICATED = [
	{
		page: 'veo3-api/generate-veo-3-video.md',
		api: 'veo',
		family: 'Google Veo',
		resource: 'video',
	},
	{
		page: 'runway-api/generate-ai-video.md',
		api: 'runway',
		family: 'Runway',
		resource: 'video',
		id: 'runway',
	},
	{
		page: 'runway-api/generate-aleph-video.md',
		api: 'aleph',
		family: 'Runway',
		resource: 'video',
		id: 'runway-aleph',
	},
	{
		page: '4o-image-api/generate-4-o-image.md',
		api: '4o-image',
		family: 'OpenAI',
		resource: 'image',
		id: 'gpt-4o-image',
	},
	{
		page: 'flux-kontext-api/generate-or-edit-image.md',
		api: 'flux-kontext',
		family: 'Flux Kontext',
		resource: 'image',
	},
	{
		page: 'suno-api/generate-music.md',
		api: 'suno',
		family: 'Suno',
		resource: 'audio',
	},
];

/**
 * Suno's tools (suno-api/), one record each: an audio operation of its own (SPEC 0.3), the
 * client API that reads its task (`suno-tool`: made music, read as songs), what it returns, and
 * the fields that carry the user's audio (their names say URL, not audio). The page's `model`
 * (the Suno version) stays a field: the record's id names the tool.
 */
const SUNO_TOOLS = [
	['generate-lyrics.md', 'lyrics', 'suno-lyrics', { kind: 'text' }],
	[
		'get-timestamped-lyrics.md',
		'timestampedLyrics',
		'suno-timestamped-lyrics',
		{ kind: 'object', objectKeys: ['text', 'alignedWords'] },
	],
	['cover-suno.md', 'cover', 'suno-cover', { kind: 'urls', media: 'image' }],
	['upload-and-cover-audio.md', 'uploadAndCover', 'suno-tool', { kind: 'urls', media: 'audio' }],
	['upload-and-extend-audio.md', 'uploadAndExtend', 'suno-tool', { kind: 'urls', media: 'audio' }],
	['add-vocals.md', 'addVocals', 'suno-tool', { kind: 'urls', media: 'audio' }],
	['add-instrumental.md', 'addInstrumental', 'suno-tool', { kind: 'urls', media: 'audio' }],
	[
		'separate-vocals.md',
		'separateVocals',
		'suno-vocal-separation',
		{ kind: 'urls', media: 'audio' },
	],
	['convert-to-wav.md', 'convertToWav', 'suno-wav', { kind: 'urls', media: 'audio' }],
	['generate-midi.md', 'midi', 'suno-midi', { kind: 'object', objectKeys: ['instruments'] }],
	['create-music-video.md', 'musicVideo', 'suno-music-video', { kind: 'urls', media: 'video' }],
	['replace-section.md', 'replaceSection', 'suno-tool', { kind: 'urls', media: 'audio' }],
	['generate-mashup.md', 'mashup', 'suno-tool', { kind: 'urls', media: 'audio' }],
	['generate-sounds.md', 'sounds', 'suno-tool', { kind: 'urls', media: 'audio' }],
	[
		'generate-persona.md',
		'persona',
		'suno-persona',
		{ kind: 'object', objectKeys: ['personaId', 'name', 'description'] },
	],
	['boost-music-style.md', 'boostStyle', 'suno-boost-style', { kind: 'text' }],
].map(([file, operation, api, result]) => ({
	page: `suno-api/${file}`,
	id: `suno/${file.replace(/\.md$/, '')}`,
	operation,
	api,
	result,
}));

/**
 * The dedicated APIs' extend of a finished task (Video → Extend's Veo 3.1 and Runway entries,
 * Audio → Extend's Suno): not in the pickers, their panel is version 1's (catalogue/v1/video.ts
 * and catalogue/v1/sunoExtend.ts map it).
 */
const CONTINUATIONS = [
	{ page: 'veo3-api/extend-video.md', id: 'veo/extend', api: 'veo-extend', family: 'Google Veo' },
	{
		page: 'runway-api/extend-ai-video.md',
		id: 'runway/extend',
		api: 'runway-extend',
		family: 'Runway',
	},
	// Video → Upscale's Veo 3.1 entry: the 1080P file (a GET, its fields are the query's) or a 4K task.
	{
		page: 'veo3-api/get-veo-3-1080-p-video.md',
		id: 'veo/1080p',
		api: 'veo-1080p',
		family: 'Google Veo',
		operation: 'upscale',
	},
	{
		page: 'veo3-api/get-veo-3-4k-video.md',
		id: 'veo/4k',
		api: 'veo-4k',
		family: 'Google Veo',
		operation: 'upscale',
	},
	// Audio → Extend: a track of a finished Suno task continued (its songs read as Generate's).
	{
		page: 'suno-api/extend-music.md',
		id: 'suno/extend-music',
		api: 'suno-extend',
		resource: 'audio',
		result: { kind: 'urls', media: 'audio' },
	},
].map((tool) => ({
	operation: 'extend',
	resource: 'video',
	result: { kind: 'urls', media: 'video' },
	...tool,
}));

/** The tools' fields that carry the user's audio. */
const SUNO_AUDIO_FIELDS = new Set(['uploadUrl', 'uploadUrlList']);

/**
 * Model pages the catalogue leaves out, each with its reason (Custom Model still reaches them).
 * Empty today: every documented non-chat model is in the data.
 */
export const EXCLUDED_PAGES = {};

/** Body fields the node sets itself, never a user's field. */
const NODE_FIELDS = new Set(['callBackUrl', 'model']);

function walk(dir) {
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.flatMap((entry) =>
			entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
		)
		.sort();
}

/** The page's OpenAPI block and its title, or undefined for a page without one. */
function readPage(file) {
	const text = fs.readFileSync(file, 'utf8');
	const block = text.match(/```yaml\n([\s\S]*?)\n```/);
	if (!block) return undefined;
	const doc = yaml.load(block[1]);
	const [endpoint, methods] = Object.entries(doc.paths ?? {})[0] ?? [];
	const operation = methods && Object.values(methods)[0];
	const title = (text.match(/^# (.+)$/m)?.[1] ?? operation?.summary ?? '').trim();
	return { endpoint, operation, title };
}

const fold = (text) => (typeof text === 'string' ? text.replace(/\s+/g, ' ').trim() : undefined);

const FIELD_TYPES = new Set(['string', 'integer', 'number', 'boolean', 'array', 'object']);

/**
 * "Accepted types: image/jpeg, image/png; Max size: 10.0MB" (or "supported types: …; maximum
 * file size: 10.0MB") → MIME types and bytes.
 */
function readAcceptedFiles(description) {
	const accepted = description.match(/(?:Accepted|supported) types:([^;)]*)/i);
	const mimeTypes = accepted
		? [...accepted[1].matchAll(/\b(?:image|video|audio)\/[\w+-]+(?:\.[\w+-]+)*/g)].map((m) => m[0])
		: [];
	const size = description.match(
		/(?:Max size|maximum file size)(?: per \w+)?:\s*([\d.]+)\s*(KB|MB|GB)/i,
	);
	const unit = { KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
	return {
		...(mimeTypes.length > 0 ? { mimeTypes: [...new Set(mimeTypes)] } : {}),
		...(size
			? { maxFileSizeBytes: Math.round(Number(size[1]) * unit[size[2].toUpperCase()]) }
			: {}),
	};
}

/**
 * Limits some pages state only in the description, read where the schema lacks them: "(Minimum:
 * 6, Maximum: 30, Step: 1)", "Maximum length: 5000 characters", "Maximum length is 1800
 * characters", "Sound task type limit: 500 characters", "Can be empty or 0 - 2500 characters long",
 * "a minimum of 2 characters", "Must be between 3 and 5000 characters", "Up to 5
 * … URLs", "Up to 7 images are supported", and a closing "Default: 1:1" that names an enum value.
 */
function readProseLimits(field, description) {
	const found = {};
	const numeric = field.type === 'number' || field.type === 'integer' || field.type === 'string';
	const range = description.match(/\(Minimum: (-?[\d.]+), Maximum: (-?[\d.]+)/);
	if (
		range &&
		numeric &&
		!field.enum &&
		field.minimum === undefined &&
		field.maximum === undefined
	) {
		if (field.type !== 'string') {
			found.minimum = Number(range[1]);
			found.maximum = Number(range[2]);
		}
	}
	if (field.type === 'string' && !field.enum && !field.media) {
		// A mode's own limit is a rule (textLimits.mjs), not the field's.
		const max = outsideModes(description).match(
			/(?:Max(?:imum)? length(?::| is)|\blimit:|\b0 - ) ?([\d,]+) characters/i,
		);
		if (max && field.maxLength === undefined) found.maxLength = Number(max[1].replace(/,/g, ''));
		const between = description.match(/between (\d+) and ([\d,]+) characters/i);
		const min = description.match(/minimum of (\d+) characters?/i) ?? between;
		if (min && field.minLength === undefined) found.minLength = Number(min[1]);
	}
	if (field.type === 'array' && field.maxItems === undefined) {
		const upTo = description.match(/Up to (\d+) (?:[\w-]+ ){0,3}(?:images|URLs)/i);
		if (upTo) found.maxItems = Number(upTo[1]);
	}
	const closingDefault = description.match(/Default: ([^\s]+)\s*$/);
	if (closingDefault && field.default === undefined && field.enum?.includes(closingDefault[1])) {
		found.default = closingDefault[1];
	}
	return found;
}

/** Names that carry media URLs beside the `*_url(s)` / `*Url(s)` rule. */
const MEDIA_NAMES = new Set([
	'image',
	'image_input',
	'input_urls',
	'inputImage',
	'reference_image',
	'referenceImage',
	'reference_video',
	'first_frame',
	'reference_voice',
]);

/** Which media a URL field carries: its MIME types, else its name, else an image. */
function mediaKind(name, mimeTypes) {
	const kind = mimeTypes?.[0]?.split('/')[0];
	if (kind === 'image' || kind === 'video' || kind === 'audio') return kind;
	if (/video|clip/i.test(name)) return 'video';
	if (/audio|voice/i.test(name)) return 'audio';
	return 'image';
}

function mediaRole(name) {
	if (/mask/i.test(name)) return 'mask';
	if (/first_frame/i.test(name)) return 'firstFrame';
	if (/last_frame|end_image|tail_image/i.test(name)) return 'lastFrame';
	if (/reference|element/i.test(name)) return 'reference';
	return 'input';
}

function isMediaField(name, schema, files) {
	const urlish =
		schema.type === 'string' || (schema.type === 'array' && schema.items?.type === 'string');
	if (!urlish) return false;
	return (
		/(_url|_urls|Url|Urls)$/.test(name.trim()) ||
		MEDIA_NAMES.has(name.trim()) ||
		files.mimeTypes !== undefined
	);
}

function enumNames(schema) {
	const names = {};
	for (const entry of schema['x-apidog-enum'] ?? []) {
		const label = fold(entry.name) || fold(entry.description);
		if (label) names[String(entry.value)] = label;
	}
	return Object.keys(names).length > 0 ? names : undefined;
}

/**
 * Names and descriptions the prose gives enum values, one per line: `` `value` - Name - What it
 * is `` (ElevenLabs' voices: a voice id, its name and its character).
 */
function proseEnumNames(description, values) {
	const names = {};
	const descriptions = {};
	const listed = new Set((values ?? []).map(String));
	for (const line of (typeof description === 'string' ? description : '').split('\n')) {
		const match = /^(?:-\s*)?`?([^\s`]+)`?\s+-\s+(.+)$/.exec(line.trim());
		if (!match || !listed.has(match[1])) continue;
		const [name, ...rest] = match[2].split(' - ').map((part) => fold(part));
		names[match[1]] = name;
		if (rest.length > 0) descriptions[match[1]] = rest.join(' - ');
	}
	return {
		...(Object.keys(names).length > 0 ? { enumNames: names } : {}),
		...(Object.keys(descriptions).length > 0 ? { enumDescriptions: descriptions } : {}),
	};
}

/** One field of a page, as `FieldData`. */
function readField(name, schema, required) {
	const description = fold(schema.description);
	const type = FIELD_TYPES.has(schema.type) ? schema.type : 'string';
	const field = { name, type, required };
	const itemType = schema.items?.type;
	if (type === 'array' && FIELD_TYPES.has(itemType)) field.itemType = itemType;
	const objectSchema = type === 'object' ? schema : type === 'array' ? schema.items : undefined;
	if (objectSchema?.properties) {
		field.properties = readFields(objectSchema.properties, objectSchema.required);
	}
	if (description) field.description = description;
	if (Array.isArray(schema.enum)) field.enum = schema.enum;
	const names = enumNames(schema);
	if (names) field.enumNames = names;
	if (field.enum && !names) Object.assign(field, proseEnumNames(schema.description, field.enum));
	if (schema.default !== undefined) field.default = schema.default;
	if (Array.isArray(schema.examples) && schema.examples.length > 0)
		field.example = schema.examples[0];
	for (const key of [
		'minimum',
		'maximum',
		'minLength',
		'maxLength',
		'minItems',
		'maxItems',
		'pattern',
	]) {
		if (schema[key] !== undefined) field[key] = schema[key];
	}
	if (schema.deprecated === true) field.deprecated = true;
	Object.assign(field, readProseLimits(field, description ?? ''));
	const files = readAcceptedFiles(description ?? '');
	if (isMediaField(name, schema, files)) {
		field.media = mediaKind(name, files.mimeTypes);
		field.mediaRole = mediaRole(name);
		Object.assign(field, files);
	}
	return field;
}

function readFields(properties, required = []) {
	return Object.entries(properties ?? {})
		.filter(([name]) => !NODE_FIELDS.has(name))
		.map(([name, schema]) => readField(name, schema ?? {}, required.includes(name)));
}

/** The resource from the page's tag ("docs/en/Market/Video Models/Kling"). */
function tagOf(operation) {
	const tag = operation.tags?.[0] ?? '';
	const [, group = '', family = ''] = tag.match(/Market\/([^/]*)\/(.*)$/) ?? [];
	const resource = /image/i.test(group)
		? 'image'
		: /video/i.test(group)
			? 'video'
			: /music|audio/i.test(group)
				? 'audio'
				: undefined;
	return { resource, family: family.trim(), chat: /chat/i.test(group) };
}

/**
 * What the model does, read from its id and fields: the node operations it serves, the first
 * being its own. An image model whose image input is optional serves both generate and edit.
 */
function operationsOf(id, resource, fields) {
	const has = (pattern) => pattern.test(id);
	const inputs = fields.filter((f) => f.media === resource && f.mediaRole !== 'mask');
	if (resource === 'audio') {
		if (has(/speech-to-text/)) return ['transcribe'];
		if (has(/isolation/)) return ['isolate'];
		return ['generate'];
	}
	if (has(/upscale/)) return ['upscale'];
	if (resource === 'image') {
		if (has(/remove-background/)) return ['removeBackground'];
		if (inputs.some((f) => f.required)) return ['edit'];
		return inputs.length > 0 ? ['generate', 'edit'] : ['generate'];
	}
	if (has(/extend/)) return ['extend'];
	if (has(/video-to-video|videoedit|animate-|watermark-remover|aleph/)) return ['edit'];
	return ['generate'];
}

/** Where the results are: the common task page's `resultJson` shapes, per what the model makes. */
function resultOf(operation, resource, fields, pageDescription) {
	if (operation === 'transcribe') return { kind: 'text' };
	const documented = pageDescription.match(/resultJson`? field contains:[\s\S]*?(\{[\s\S]*?\})/);
	if (documented) {
		try {
			const keys = Object.keys(JSON.parse(documented[1]));
			if (!keys.includes('resultUrls')) return { kind: 'object', objectKeys: keys };
		} catch {
			// Not JSON: the page shows no object shape.
		}
	}
	const result = { kind: 'urls', media: resource };
	if (fields.some((f) => f.name === 'return_last_frame')) {
		result.extraUrlKeys = ['firstFrameUrl', 'lastFrameUrl'];
	}
	return result;
}

/** The page's first sentence of prose (headings, notes and the task-status boilerplate skipped). */
function summaryOf(description, title) {
	const paragraphs = (description ?? '')
		.split(/\n\s*\n/)
		.map((p) => fold(p.replace(/^>\s*/gm, '')) ?? '');
	const prose = paragraphs.find(
		(p) => p.length > 0 && !/^(#|:::|<|\||```|-)/.test(p) && !/After submitting a task/.test(p),
	);
	const sentence = (prose ?? '')
		.split(/(?<=\.)\s/)[0]
		.replace(/\.$/, '')
		.replace(/\*\*/g, '');
	return sentence.length > 0 && sentence.length <= 160 ? sentence : title;
}

/** Pages whose opening sentence only names the model ("Content generation using x/y"). */
const BOILERPLATE =
	/generation (using|by)|powered by .*advanced AI model|^Use this endpoint|^Create a new|^Before using|^Based on|^The `task_id`|^Our /i;

/** What the model takes and makes, from its fields: "Text and image to video (image optional)". */
function composedSummary(resource, operation, fields) {
	const takes = [];
	const optional = [];
	if (fields.some((f) => /^(prompt|text|dialogue)$/.test(f.name))) {
		(fields.find((f) => /^(prompt|text|dialogue)$/.test(f.name)).required ? takes : optional).push(
			'text',
		);
	}
	for (const kind of ['image', 'video', 'audio']) {
		const media = fields.filter((f) => f.media === kind && f.mediaRole !== 'mask');
		if (media.length === 0) continue;
		(media.some((f) => f.required) ? takes : optional).push(kind);
	}
	const inputs = takes.length > 0 ? takes : optional.splice(0, 1);
	if (inputs.length === 0) return undefined;
	const list = (words) => words.join(', ').replace(/, ([^,]*)$/, ' and $1');
	const makes = operation === 'transcribe' ? 'text' : resource;
	const head = `${list(inputs)} to ${makes}`;
	const tail = optional.length > 0 ? ` (${list(optional)} optional)` : '';
	return head.charAt(0).toUpperCase() + head.slice(1) + tail;
}

function describe(pageDescription, title, resource, operation, fields) {
	const sentence = summaryOf(pageDescription, title);
	if (sentence !== title && !BOILERPLATE.test(sentence)) return sentence;
	return composedSummary(resource, operation, fields) ?? sentence;
}

function modelRecord({
	id,
	api,
	endpoint,
	modelField,
	page,
	title,
	family,
	resource,
	fields,
	operation,
	version,
}) {
	const operations = operationsOf(id, resource, fields);
	const rules = textLimitRules(fields, version);
	const record = {
		id,
		api,
		endpoint,
		modelField,
		fieldsAt: api === 'market' ? 'input' : 'body',
		page,
		title,
		displayName: title.replace(/\s+-\s+/g, ' '),
		description: describe(operation.description, title, resource, operations[0], fields),
		family,
		resource,
		operation: operations[0],
		operations,
		fields,
		result: resultOf(operations[0], resource, fields, operation.description ?? ''),
		...(rules.length > 0 ? { rules } : {}),
	};
	if (operation.deprecated === true) record.withdrawn = 'The page marks the model deprecated';
	return record;
}

/** Every market page: a model of the jobs API, a chat model, or neither (guides, task status). */
export function listMarketPages(docsDir) {
	const market = path.join(docsDir, 'market');
	return walk(market).map((file) => {
		const page = path.relative(docsDir, file).split(path.sep).join('/');
		const read = readPage(file);
		if (!read?.operation) return { page, kind: 'other' };
		const { chat } = tagOf(read.operation);
		if (read.endpoint !== JOBS_CREATE) return { page, kind: chat ? 'chat' : 'other' };
		if (chat) return { page, kind: 'chat' };
		return {
			page,
			kind: 'model',
			read,
			...(EXCLUDED_PAGES[page] ? { excluded: EXCLUDED_PAGES[page] } : {}),
		};
	});
}

/** The id a market page sends: its `model` enum, else its default, else its example request. */
function marketId(content) {
	const model = content?.schema?.properties?.model ?? {};
	return model.enum?.[0] ?? model.default ?? content?.example?.model ?? model.examples?.[0];
}

export function readPages(docsDir) {
	const models = [];
	for (const entry of listMarketPages(docsDir)) {
		if (entry.kind !== 'model' || entry.excluded) continue;
		const { operation, title, endpoint } = entry.read;
		const content = operation.requestBody?.content?.['application/json'];
		const input = content?.schema?.properties?.input ?? {};
		const { resource, family } = tagOf(operation);
		models.push(
			modelRecord({
				id: marketId(content) ?? '',
				api: 'market',
				endpoint,
				modelField: 'model',
				page: entry.page,
				title,
				family,
				resource,
				fields: readFields(input.properties, input.required),
				operation,
			}),
		);
	}
	for (const dedicated of DEDICATED) {
		const read = readPage(path.join(docsDir, dedicated.page));
		if (!read) throw new Error(`${dedicated.page}: no OpenAPI block`);
		const schema = read.operation.requestBody?.content?.['application/json']?.schema ?? {};
		const ids = dedicated.id ? [dedicated.id] : (schema.properties?.model?.enum ?? []);
		for (const id of ids) {
			models.push(
				modelRecord({
					id,
					api: dedicated.api,
					endpoint: read.endpoint,
					modelField: dedicated.id ? null : 'model',
					page: dedicated.page,
					title: read.title,
					family: dedicated.family,
					resource: dedicated.resource,
					fields: readFields(schema.properties, schema.required),
					operation: read.operation,
					// One record per version of the page's `model`: the limits of its own.
					version: dedicated.id ? undefined : id,
				}),
			);
		}
	}
	const tools = (list) =>
		list.map((tool) => toolRecord(tool, readPage(path.join(docsDir, tool.page))));
	return { models: [...models, ...tools(SUNO_TOOLS)], continuations: tools(CONTINUATIONS) };
}

/** A GET's query parameters in the shape of a body schema (Veo's 1080P file). */
function queryAsSchema(parameters = []) {
	const query = parameters.filter((parameter) => parameter.in === 'query');
	return {
		properties: Object.fromEntries(
			query.map((parameter) => [
				parameter.name,
				{
					...parameter.schema,
					description: parameter.description,
					...(parameter.example === undefined ? {} : { examples: [parameter.example] }),
				},
			]),
		),
		required: query.filter((parameter) => parameter.required).map((parameter) => parameter.name),
	};
}

/** A tool of a dedicated API: its page's body fields (the page's `model` stays a field). */
function toolRecord(tool, read) {
	if (!read) throw new Error(`${tool.page}: no OpenAPI block`);
	const schema =
		read.operation.requestBody?.content?.['application/json']?.schema ??
		queryAsSchema(read.operation.parameters);
	const fields = Object.entries(schema.properties ?? {})
		.filter(([name]) => name !== 'callBackUrl')
		.map(([name, field]) => {
			const read = readField(name, field ?? {}, (schema.required ?? []).includes(name));
			if (!SUNO_AUDIO_FIELDS.has(name)) return read;
			return { ...read, media: 'audio', mediaRole: 'input' };
		});
	const suno = tool.api.startsWith('suno');
	const rules = textLimitRules(fields);
	return {
		id: tool.id,
		api: tool.api,
		endpoint: read.endpoint,
		modelField: null,
		fieldsAt: 'body',
		page: tool.page,
		title: read.title,
		displayName: suno ? `Suno ${read.title}` : read.title,
		description: summaryOf(read.operation.description, read.title),
		family: tool.family ?? 'Suno',
		resource: tool.resource ?? 'audio',
		operation: tool.operation,
		operations: [tool.operation],
		fields,
		result: tool.result,
		...(rules.length > 0 ? { rules } : {}),
	};
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	if (process.argv.includes('--list')) {
		const docsDir = process.env.KIE_DOCS ?? DOCS_DEFAULT;
		const pages = listMarketPages(docsDir).map(({ page, kind, excluded }) => ({
			page,
			kind,
			excluded,
		}));
		process.stdout.write(`${JSON.stringify(pages, null, 1)}\n`);
	}
}
