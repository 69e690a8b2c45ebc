/** Version 1's Audio → Generate and Extend requests as the node builds them, without n8n: v1's fields → check → build. */
import type { CreateTaskRequest } from '../../nodes/Kie/client';
import { build, check } from '../../nodes/Kie/catalogue/request';
import { customCreate, validateCustom } from '../../nodes/Kie/catalogue';
import { CUSTOM_MODEL_ID } from '../../nodes/Kie/catalogue/panel';
import { checkV1AudioCustom, v1AudioGenerate } from '../../nodes/Kie/catalogue/v1/audio';
import { v1Error, withV1Request } from '../../nodes/Kie/catalogue/v1/mapping';
import {
	V1_SUNO_EXTEND,
	v1SunoExtend,
	validateSunoExtendFields,
	type AudioExtendFields,
	type SourceTrack,
} from '../../nodes/Kie/catalogue/v1/sunoExtend';

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
	const { model, parameters, v1Names, asSent } = v1AudioGenerate(id, {
		prompt: param('prompt'),
		customMode: param('customMode', false),
		instrumental: param('instrumental', false),
		style: param('style'),
		title: param('title'),
		voice: param('voice'),
		additionalInput: param('additionalInput'),
	});
	try {
		const request = build(model, check(model, parameters, fields.callbackUrl, true), []);
		return { ...request, body: { ...request.body, ...asSent } };
	} catch (error) {
		throw v1Error(error, v1Names);
	}
}

/** Version 1's Audio → Extend request for a track of a finished Suno task made with `modelId`. */
export function v1SunoExtendRequest(
	modelId: string,
	source: SourceTrack,
	fields: AudioExtendFields & { callbackUrl?: string },
): CreateTaskRequest {
	validateSunoExtendFields(fields);
	const { model, parameters, v1Names, asSent } = v1SunoExtend(modelId, source, fields);
	try {
		const request = build(model, check(model, parameters, fields.callbackUrl, true), []);
		return withV1Request(V1_SUNO_EXTEND, { ...request, body: { ...request.body, ...asSent } });
	} catch (error) {
		throw v1Error(error, v1Names);
	}
}
