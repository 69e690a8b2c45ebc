/**
 * What the simulated APIs refuse, read from the catalogue's data (Kie's pages with the
 * overrides): a missing required field, a field the model does not have, a value of the wrong
 * type, outside its enum, range, length or count, a media field that is not an http(s) URL,
 * and a broken cross-field rule. The answer is Kie's: the first problem, as text.
 */
import type {
	FieldData,
	FieldRule,
	FieldValue,
	ModelData,
} from '../../nodes/Kie/catalogue/modelData';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpUrl(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

const MEDIA_URL = { image: 'an image URL', video: 'a video URL', audio: 'an audio URL' } as const;

const absent = (value: unknown) => value === undefined || value === null || value === '';

function typeProblem(type: FieldData['type'], value: unknown): boolean {
	switch (type) {
		case 'string':
			return typeof value !== 'string';
		case 'integer':
			return typeof value !== 'number' || !Number.isInteger(value);
		case 'number':
			return typeof value !== 'number' || !Number.isFinite(value);
		case 'boolean':
			return typeof value !== 'boolean';
		case 'array':
			return !Array.isArray(value);
		case 'object':
			return !isRecord(value);
	}
}

function valueProblem(field: FieldData, value: unknown, path: string): string | undefined {
	if (typeProblem(field.type, value)) return `${path} must be of type ${field.type}`;
	if (field.enum && !field.enum.includes(value as string | number)) {
		return `${path} is not within the range of allowed options: ${field.enum.join(', ')}`;
	}
	if (typeof value === 'number') {
		if (field.minimum !== undefined && value < field.minimum)
			return `${path} must be at least ${field.minimum}`;
		if (field.maximum !== undefined && value > field.maximum)
			return `${path} must be at most ${field.maximum}`;
	}
	if (typeof value === 'string') {
		const length = [...value].length;
		if (field.maxLength !== undefined && length > field.maxLength)
			return `${path} length cannot exceed ${field.maxLength} characters`;
		if (field.minLength !== undefined && length < field.minLength)
			return `${path} must have at least ${field.minLength} characters`;
		if (field.pattern !== undefined && !new RegExp(field.pattern).test(value))
			return `${path} does not match ${field.pattern}`;
		if (field.media && !isHttpUrl(value)) return `${path} must be ${MEDIA_URL[field.media]}`;
	}
	if (Array.isArray(value)) {
		if (field.maxItems !== undefined && value.length > field.maxItems)
			return `${path} supports at most ${field.maxItems} items`;
		if (field.minItems !== undefined && value.length < field.minItems)
			return `${path} needs at least ${field.minItems} items`;
		for (const [index, item] of value.entries()) {
			const itemPath = `${path}[${index}]`;
			if (field.itemType && typeProblem(field.itemType, item))
				return `${itemPath} must be of type ${field.itemType}`;
			if (field.media && !isHttpUrl(item)) return `${itemPath} must be ${MEDIA_URL[field.media]}`;
			if (field.properties && isRecord(item)) {
				const problem = fieldsProblem(field.properties, item, `${itemPath}.`);
				if (problem) return problem;
			}
		}
	}
	if (field.properties && isRecord(value))
		return fieldsProblem(field.properties, value, `${path}.`);
	return undefined;
}

function fieldsProblem(
	fields: readonly FieldData[],
	input: Record<string, unknown>,
	prefix = '',
): string | undefined {
	for (const field of fields) {
		if (field.required && absent(input[field.name])) return `${prefix}${field.name} is required`;
	}
	for (const [name, value] of Object.entries(input)) {
		const field = fields.find((f) => f.name === name);
		if (!field) return `${prefix}${name} is not a parameter of this model`;
		if (value === undefined || value === null) continue;
		const problem = valueProblem(field, value, `${prefix}${name}`);
		if (problem) return problem;
	}
	return undefined;
}

function holds(condition: readonly FieldValue[] | 'present' | 'absent', value: unknown): boolean {
	if (condition === 'present') return !absent(value);
	if (condition === 'absent') return absent(value);
	return condition.includes(value as FieldValue);
}

function ruleProblem(rule: FieldRule, input: Record<string, unknown>): string | undefined {
	const applies = Object.entries(rule.when ?? {}).every(([name, condition]) =>
		holds(condition, input[name]),
	);
	if (!applies) return undefined;
	const value = input[rule.field];
	if (rule.required && absent(value)) return `${rule.field} is required: ${rule.reason}`;
	if (rule.forbidden && !absent(value)) return `${rule.field} is not allowed here: ${rule.reason}`;
	if (rule.allowed && !absent(value) && !rule.allowed.includes(value as FieldValue)) {
		return `${rule.field} must be one of ${rule.allowed.join(', ')}: ${rule.reason}`;
	}
	return undefined;
}

/** The first thing Kie would refuse in a model's fields (its `input`, or the dedicated body). */
export function catalogueInputProblem(
	model: ModelData,
	input: Record<string, unknown>,
): string | undefined {
	const problem = fieldsProblem(model.fields, input);
	if (problem) return problem;
	for (const rule of model.rules ?? []) {
		const broken = ruleProblem(rule, input);
		if (broken) return broken;
	}
	return undefined;
}
