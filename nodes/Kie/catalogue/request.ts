/**
 * The two verbs of every model, whatever its API:
 * - `check(model, parameters)`: every field read and checked against the model's data before
 *   anything is sent (uploads included); throws KieInputError naming the parameter as the panel
 *   shows it, the value and what is allowed.
 * - `build(model, checked, uploadedUrls)`: after the uploads, the create as the client sends it
 *   (jobs `input`, or a dedicated API's top-level body).
 */
import type { IDataObject } from 'n8n-workflow';

import type { CreateTaskRequest } from '../client';
import { describeValue, KieInputError } from './errors';
import { checkFieldValue, checkMediaCount, parseAdditionalInput, type Blame } from './fieldChecks';
import { inPanelWords } from './fieldHints';
import {
	binaryParameterName,
	fieldLabel,
	labelsOf,
	parameterName,
	sentValue,
	withPanelLabel,
} from './fields';
import {
	APIS,
	conditionallyRequired,
	createEndpoint,
	PLACEHOLDER_CALLBACK,
} from './modelCatalogue';
import type { FieldData, FieldRule, FieldValue, ModelData } from './modelData';
import { present, ruleHolds, sameValue } from './ruleConditions';

/** The node's parameters for one item, by parameter name (values as n8n gives them). */
export type Parameters = Readonly<Record<string, unknown>>;

/** A media field's inputs: URLs checked now, binaries to upload later (in this order, first). */
export interface MediaInput {
	field: FieldData;
	/** The binary parameter's value: property names of the input item. */
	binaries: string[];
	urls: string[];
}

export interface Checked {
	model: ModelData;
	/** Every non-media field to send, by Kie's name, checked and normalised. */
	fields: IDataObject;
	media: MediaInput[];
	callBackUrl?: string;
}

/**
 * Which parameter carries each field, and how messages name it and the model: version 2's panel
 * by default; version 1 names its own (catalogue/v1/check.ts).
 */
export interface Naming {
	param(field: FieldData): string;
	binaryParam(field: FieldData): string;
	label(field: FieldData): string;
	modelName: string;
}

/** Version 2's names; `shownWith`: the labels its panel shows for these values. */
export const panelNaming = (model: ModelData, shownWith?: Parameters): Naming => ({
	param: (field) => parameterName(model, field),
	binaryParam: (field) => binaryParameterName(model, field),
	label: (field) => fieldLabel(model, field, shownWith),
	modelName: model.displayName,
});

const blameFor = (naming: Naming, field: FieldData): Blame => ({
	param: naming.param(field),
	label: naming.label(field),
	modelName: naming.modelName,
});

const ADDITIONAL: Omit<Blame, 'modelName' | 'label'> = {
	param: 'additionalInput',
	suffix: ' (from Additional Input)',
};

/** Binary property names from `a, b` (or a list). */
export function binaryNames(raw: unknown, param: string, label: string): string[] {
	if (raw === undefined || raw === null || raw === '') return [];
	const names = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : undefined;
	if (!names || names.some((name) => typeof name !== 'string')) {
		throw new KieInputError(
			param,
			raw,
			`${label} ${describeValue(raw)} must be binary property names separated by commas`,
			'e.g. data, data_1',
		);
	}
	return (names as string[]).map((name) => name.trim()).filter(Boolean);
}

/**
 * `asGiven`: every parameter was set on purpose (version 1's), so a value equal to an untouched
 * panel's (a range's minimum, false) is sent too. Version 2's refusals name the parameter as its
 * panel shows it (version 1 names its own: v1/mapping.ts).
 */
export function check(
	model: ModelData,
	parameters: Parameters,
	callBackUrl?: string,
	asGiven = false,
	naming?: Naming,
): Checked {
	// Labels as version 2's panel shows them for these values (Suno's Lyrics in custom mode).
	const names = naming ?? panelNaming(model, asGiven ? undefined : parameters);
	try {
		return checkFields(model, parameters, callBackUrl, asGiven, names);
	} catch (error) {
		throw asGiven ? error : withPanelLabel(error, model, parameters);
	}
}

function checkFields(
	model: ModelData,
	parameters: Parameters,
	callBackUrl: string | undefined,
	asGiven: boolean,
	naming: Naming,
): Checked {
	const fields: IDataObject = {};
	const media: MediaInput[] = [];
	for (const field of model.fields) {
		const blame = blameFor(naming, field);
		const raw = parameters[blame.param];
		const value = checkFieldValue(field, asGiven ? raw : sentValue(field, raw), blame);
		if (field.media) {
			const binaryParam = naming.binaryParam(field);
			const binaries = binaryNames(
				parameters[binaryParam],
				binaryParam,
				`${blame.label} (Binary Properties)`,
			);
			const urls =
				value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
			// Too many binaries and no URLs: the binaries' parameter is the one to fix.
			checkMediaCount(field, binaries, urls, raw, blame, binaryParam);
			if (binaries.length + urls.length > 0) media.push({ field, binaries, urls });
		} else if (value !== undefined) {
			fields[field.name] = value;
		}
	}

	// Additional Input: fields a page does not list yet, or a value for a listed one (checked).
	const additional = parseAdditionalInput(parameters.additionalInput);
	for (const [key, raw] of Object.entries(additional)) {
		if (key === 'model' || key === 'callBackUrl') {
			throw new KieInputError(
				'additionalInput',
				parameters.additionalInput,
				`Additional Input must not set "${key}": the node sets it (use ${key === 'model' ? 'Model' : 'Options → Callback URL'})`,
				'fields other than model and callBackUrl',
			);
		}
		const field = model.fields.find((candidate) => candidate.name === key);
		if (!field) {
			fields[key] = raw;
			continue;
		}
		const blame = { ...ADDITIONAL, label: key, modelName: naming.modelName };
		const value = checkFieldValue(field, raw, blame);
		if (field.media) {
			const index = media.findIndex((entry) => entry.field === field);
			if (index >= 0) media.splice(index, 1);
			const urls =
				value === undefined ? [] : Array.isArray(value) ? (value as string[]) : [value as string];
			checkMediaCount(field, [], urls, raw, blame);
			if (urls.length > 0) media.push({ field, binaries: [], urls });
		} else if (raw === '' && field.type === 'string' && !field.enum) {
			// Written on purpose: an empty text means something (Runway's waterMark "": none).
			fields[key] = '';
		} else if (value === undefined) delete fields[key];
		else fields[key] = value;
	}

	const preview = withMedia(model, fields, media, () => 'https://upload.pending/');
	const conditional = conditionallyRequired(model);
	for (const field of model.fields) {
		if (!field.required || conditional.has(field.name) || preview[field.name] !== undefined)
			continue;
		const blame = blameFor(naming, field);
		const raw = parameters[blame.param] ?? '';
		throw new KieInputError(
			blame.param,
			raw,
			field.media
				? `${blame.label} is empty; ${naming.modelName} needs ${mediaCount(field)} (URLs or binary properties), got 0 (${blame.label}: ${describeValue(raw)})`
				: `${blame.label} is empty (${describeValue(raw)}); ${naming.modelName} needs ${/^[aeiou]/i.test(blame.label) ? 'an' : 'a'} ${blame.label.toLowerCase()}`,
			field.media ? `at least one ${field.media}` : 'a value',
		);
	}
	APIS[model.api].complete?.(preview);
	for (const rule of [...(model.rules ?? []), ...(APIS[model.api].rules ?? [])]) {
		checkRule(model, naming, rule, preview, parameters);
	}
	return { model, fields, media, ...(callBackUrl ? { callBackUrl } : {}) };
}

/** How many files a required media field takes: "exactly 1 input image", "1 to 7 input images". */
function mediaCount(field: FieldData): string {
	const min = field.minItems ?? 1;
	const max = field.type === 'array' ? field.maxItems : 1;
	const count = min === max ? `exactly ${min}` : max ? `${min} to ${max}` : `at least ${min}`;
	return `${count} input ${field.media}${max === 1 ? '' : 's'}`;
}

/** The fields with each media field's URLs, uploads first (`uploaded(field, index)` gives them). */
function withMedia(
	model: ModelData,
	fields: IDataObject,
	media: readonly MediaInput[],
	uploaded: (entry: MediaInput, index: number) => string,
): IDataObject {
	const all: IDataObject = { ...fields };
	for (const entry of media) {
		const urls = [...entry.binaries.map((_, index) => uploaded(entry, index)), ...entry.urls];
		all[entry.field.name] = entry.field.type === 'array' ? urls : urls[0];
	}
	return all;
}

function checkRule(
	model: ModelData,
	naming: Naming,
	rule: FieldRule,
	fields: IDataObject,
	parameters: Parameters,
): void {
	if (!ruleHolds(rule, fields)) return;
	const field = model.fields.find((candidate) => candidate.name === rule.field);
	const blame = field
		? blameFor(naming, field)
		: { param: 'additionalInput', label: rule.field, modelName: naming.modelName };
	const reason = inPanelWords(
		rule.reason,
		labelsOf(model),
		model.fields.map((candidate) => candidate.name),
	);
	const value = fields[rule.field];
	const refuse = (problem: string, allowed: string) => {
		throw new KieInputError(
			blame.param,
			parameters[blame.param] ?? value,
			`${blame.label} ${problem}: ${reason}. Allowed: ${allowed}`,
			allowed,
		);
	};
	if (rule.required && !present(value)) refuse('is empty', 'a value');
	if (rule.forbidden && present(value))
		refuse(`${describeValue(value)} cannot be sent here`, 'leave it empty');
	if (rule.pattern && typeof value === 'string' && !new RegExp(rule.pattern.regex).test(value)) {
		refuse(describeValue(value), rule.pattern.expected);
	}
	if (rule.maxLength !== undefined && typeof value === 'string') {
		const length = [...value].length;
		if (length > rule.maxLength)
			refuse(
				`${describeValue(value)} is ${length} characters long`,
				`at most ${rule.maxLength} characters`,
			);
	}
	if (rule.maxItems !== undefined && Array.isArray(value) && value.length > rule.maxItems) {
		refuse(`has ${value.length} entries`, `at most ${rule.maxItems}`);
	}
	if (rule.span && typeof value === 'number') {
		const from = fields[rule.span.from];
		const length = value - (typeof from === 'number' ? from : 0);
		if (length < rule.span.min || length > rule.span.max) {
			refuse(
				`${describeValue(value)} makes a span of ${Number(length.toFixed(2))} s`,
				`${rule.span.min} to ${rule.span.max} seconds after ${rule.span.from}`,
			);
		}
	}
	if (
		rule.allowed &&
		present(value) &&
		!rule.allowed.some((wanted) => sameValue(wanted, value as FieldValue))
	) {
		refuse(describeValue(value), rule.allowed.join(', '));
	}
}

/** Upload order: every media field's binaries, in the order the fields are listed. */
export function uploadsOf(checked: Checked): Array<{ field: FieldData; property: string }> {
	return checked.media.flatMap((entry) =>
		entry.binaries.map((property) => ({ field: entry.field, property })),
	);
}

const EXPECTED_MS = { image: 30_000, video: 180_000, audio: 60_000 } as const;

/** `uploadedUrls`: the uploads' URLs, in the order of uploadsOf(checked). */
export function build(
	model: ModelData,
	checked: Checked,
	uploadedUrls: readonly string[],
): CreateTaskRequest {
	const expected = uploadsOf(checked).length;
	if (uploadedUrls.length !== expected) {
		throw new Error(
			`${expected} binaries were checked for upload, but ${uploadedUrls.length} were uploaded`,
		);
	}
	let next = 0;
	const fields = withMedia(model, checked.fields, checked.media, () => uploadedUrls[next++]);
	const api = APIS[model.api];
	api.complete?.(fields);
	const callBackUrl = checked.callBackUrl ?? (api.needsCallback ? PLACEHOLDER_CALLBACK : undefined);
	const body: IDataObject = model.fieldsAt === 'input' ? { input: fields } : { ...fields };
	if (model.modelField) body[model.modelField] = model.id;
	if (callBackUrl) body.callBackUrl = callBackUrl;
	return {
		api: api.clientApi ?? (model.api as CreateTaskRequest['api']),
		endpoint: createEndpoint(model),
		model: model.id,
		body,
		expectedMs: api.expectedMs ?? EXPECTED_MS[model.resource],
	};
}
