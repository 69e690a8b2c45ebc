/** Version 1's Audio → Generate request as the node builds it, without n8n: v1's fields → check → build. */
import type { CreateTaskRequest } from '../../nodes/Kie/client';
import { build, check } from '../../nodes/Kie/catalogue/request';
import { customCreate, validateCustom } from '../../nodes/Kie/catalogue';
import { catalogueModel } from '../../nodes/Kie/catalogue/modelCatalogue';
import { CUSTOM_MODEL_ID } from '../../nodes/Kie/catalogue/panel';
import {
	checkV1AudioCustom,
	V1_AUDIO_MODELS,
	v1AudioValues,
} from '../../nodes/Kie/catalogue/v1/audio';
import { KieInputError } from '../../nodes/Kie/catalogue/errors';
import { v1Error, v1Parameters } from '../../nodes/Kie/catalogue/v1/mapping';

/** Version 1's Audio → Generate parameters (absent ones as n8n reads them: '' or false). */
export interface V1AudioFields {
	prompt?: unknown;
	customMode?: unknown;
	instrumental?: unknown;
	style?: unknown;
	title?: unknown;
	voice?: unknown;
	additionalInput?: unknown;
	customModel?: unknown;
	callbackUrl?: string;
}

export function v1AudioRequest(id: string, fields: V1AudioFields): CreateTaskRequest {
	const param = (name: keyof V1AudioFields, absent: unknown = '') => fields[name] ?? absent;
	if (id.trim() === CUSTOM_MODEL_ID) {
		checkV1AudioCustom(param('customModel'), param('additionalInput'));
		const valid = validateCustom(
			{
				prompt: param('prompt'),
				imageUrls: [],
				additionalInput: param('additionalInput'),
				customModel: param('customModel'),
			},
			0,
		);
		return customCreate(valid, [], fields.callbackUrl);
	}
	const v1 = V1_AUDIO_MODELS.find((model) => model.id === id.trim());
	const model = v1 && catalogueModel(v1.id);
	if (!v1 || !model) throw new KieInputError('model', id, `Unknown audio model "${id}"`);
	const { values, asSent } = v1AudioValues(v1, model, {
		prompt: param('prompt'),
		customMode: param('customMode', false),
		instrumental: param('instrumental', false),
		style: param('style'),
		title: param('title'),
		voice: param('voice'),
		additionalInput: param('additionalInput'),
	});
	const { parameters, v1Names } = v1Parameters(model, v1, values);
	try {
		const request = build(model, check(model, parameters, fields.callbackUrl, true), []);
		return { ...request, body: { ...request.body, ...asSent } };
	} catch (error) {
		throw v1Error(error, v1Names);
	}
}
