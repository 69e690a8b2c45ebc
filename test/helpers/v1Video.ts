/** Version 1's video request as the node builds it, without n8n: v1's fields → check → build. */
import type { CreateTaskRequest } from '../../nodes/Kie/client';
import { build, check } from '../../nodes/Kie/catalogue/request';
import {
	customCreate as createCustom,
	validateCustom,
	type CustomFields,
} from '../../nodes/Kie/catalogue';
import { catalogueModel, CONTINUATIONS } from '../../nodes/Kie/catalogue/modelCatalogue';
import {
	v1Error,
	v1Parameters,
	withV1Request,
	type V1Values,
} from '../../nodes/Kie/catalogue/v1/mapping';
import { V1_EXTEND, V1_VIDEO_MODELS } from '../../nodes/Kie/catalogue/v1/video';

/** `uploadedUrls`: what the binaries (`binaryProperties`) uploaded to, in order. */
export function v1VideoRequest(
	id: string,
	values: V1Values,
	uploadedUrls: readonly string[] = [],
	callBackUrl?: string,
): CreateTaskRequest {
	const v1 = V1_VIDEO_MODELS.find((model) => model.id === id);
	const model = catalogueModel(id);
	if (!v1 || !model) throw new Error(`no v1 video model ${id}`);
	const binaryProperties =
		uploadedUrls.length > 0 ? uploadedUrls.map((_, index) => `data${index}`).join(',') : undefined;
	const { parameters, v1Names } = v1Parameters(model, v1, { binaryProperties, ...values });
	try {
		const checked = check(model, parameters, callBackUrl, true);
		return withV1Request(v1, build(model, checked, uploadedUrls));
	} catch (error) {
		throw v1Error(error, v1Names);
	}
}

/** Custom Model as both versions send it (prompt, images, Additional Input as the input). */
export function customCreate(fields: CustomFields, uploadedUrls: readonly string[] = []) {
	return createCustom(validateCustom(fields, uploadedUrls.length), uploadedUrls);
}

/** Version 1's Video → Extend request for `api` (veo or runway), as the node builds it. */
export function v1ExtendRequest(api: string, values: V1Values, callBackUrl?: string) {
	const v1 = V1_EXTEND[api];
	const model = CONTINUATIONS.find((candidate) => candidate.id === v1?.id);
	if (!v1 || !model) throw new Error(`no v1 extend for ${api}`);
	const { parameters, v1Names } = v1Parameters(model, v1, values);
	try {
		return withV1Request(v1, build(model, check(model, parameters, callBackUrl, true), []));
	} catch (error) {
		throw v1Error(error, v1Names);
	}
}
