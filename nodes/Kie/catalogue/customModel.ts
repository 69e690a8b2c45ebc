/**
 * Custom Model: any jobs-API model id. Additional Input is its input, plus the prompt and the
 * images when given; only what is generic can be checked (text, URLs, the image field's name).
 */
import type { IDataObject } from 'n8n-workflow';

import type { CreateTaskRequest } from '../client';
import { describeType, describeValue, KieInputError } from './errors';
import { parseAdditionalInput } from './fieldChecks';
import {
	checkUrl,
	describeImages,
	IMAGE_URLS,
	parseUrlList,
	readPrompt,
	type Source,
} from './inputs';
import type { FieldData } from './modelData';
import { CATALOGUE } from './modelCatalogue';
import { build } from './request';

/** The parameters Custom Model reads; values arrive from expressions, hence `unknown`. */
export interface CustomFields {
	prompt?: unknown;
	/** string[] or a comma/newline separated string. */
	imageUrls?: unknown;
	/** An object, a JSON string of an object, or ''. */
	additionalInput?: unknown;
	customModel?: unknown;
	/**
	 * The input field that receives the image URLs (default 'image_urls'). A name ending in
	 * `_url` gets one URL as a string, any other name gets an array.
	 */
	customImageField?: unknown;
}

/** A Custom Model request that passed every check, the images still to be placed. */
export interface CustomInput {
	model: string;
	input: IDataObject;
	images?: {
		field: string;
		kind: 'array' | 'single';
		/** Image URLs, checked; they come after the uploads. */
		listed: string[];
		uploadCount: number;
	};
}

/** What a Custom Model's binaries may be: images, video and audio of any size. */
export const CUSTOM_MEDIA: FieldData = {
	name: 'custom',
	type: 'array',
	required: false,
	media: 'image',
	mimeTypes: ['image/*', 'video/*', 'audio/*'],
};

const DEFAULT_CUSTOM_IMAGE_FIELD = 'image_urls';
const MODEL_EXAMPLE = 'a Kie model id such as "kling/v2-1-pro"';
const FIELD_EXAMPLE = 'an input field name such as "image_urls" or "image_url"';

const isBlank = (raw: unknown) =>
	raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');

export function validateCustom(fields: CustomFields, uploadCount: number): CustomInput {
	const model = readIdentifier(fields.customModel, 'customModel', 'Custom Model ID', MODEL_EXAMPLE);
	const additional = parseAdditionalInput(fields.additionalInput);
	const prompt = readPrompt(undefined, fields.prompt, model, { param: 'prompt', label: 'Prompt' });
	const listed = parseUrlList(fields.imageUrls, IMAGE_URLS);
	const count = uploadCount + listed.length;
	// Additional Input comes last in the input: it may override the prompt and the images.
	const input = prompt !== undefined ? { prompt, ...additional } : { ...additional };
	if (count === 0) return { model, input };

	const field = isBlank(fields.customImageField)
		? DEFAULT_CUSTOM_IMAGE_FIELD
		: readIdentifier(fields.customImageField, 'customImageField', 'Image Field', FIELD_EXAMPLE);
	const single = /_url$/i.test(field);
	if (single && count > 1) {
		throw new KieInputError(
			listed.length > 0 ? 'imageUrls' : 'binaryProperties',
			listed.length > 0 ? fields.imageUrls : `${uploadCount} binaries`,
			`The input field "${field}" takes one URL, got ${count}: ${describeImages(uploadCount, listed)}`,
			'one image',
		);
	}
	if (Object.prototype.hasOwnProperty.call(additional, field)) return { model, input };
	return {
		model,
		input,
		images: { field, kind: single ? 'single' : 'array', listed, uploadCount },
	};
}

function readIdentifier(raw: unknown, param: string, label: string, allowed: string): string {
	if (typeof raw !== 'string' || raw.trim() === '') {
		throw new KieInputError(
			param,
			raw,
			`${label} is required, got ${raw === undefined || typeof raw === 'string' ? describeValue(raw ?? '') : `${describeType(raw)} (${describeValue(raw)})`}`,
			allowed,
		);
	}
	const text = raw.trim();
	if (/\s/.test(text)) {
		throw new KieInputError(
			param,
			raw,
			`${label} ${describeValue(raw)} must not contain spaces`,
			allowed,
		);
	}
	return text;
}

const UPLOADED_URLS: Source = { param: 'binaryProperties', label: 'Uploaded image URL' };

/**
 * The create: `{model, input, callBackUrl}` on the jobs API, the uploads first, then the Image
 * URLs; an id of a dedicated API's model (4o Image, Flux Kontext) goes to that API.
 */
export function customCreate(
	valid: CustomInput,
	uploadedUrls: readonly string[],
	callBackUrl?: string,
): CreateTaskRequest {
	const { images } = valid;
	const input: IDataObject = { ...valid.input };
	if (images) {
		if (uploadedUrls.length !== images.uploadCount) {
			throw new Error(
				`${images.uploadCount} images were checked for upload, but ${uploadedUrls.length} were uploaded`,
			);
		}
		const urls = [...uploadedUrls.map((url) => checkUrl(url, UPLOADED_URLS)), ...images.listed];
		if (urls.length > 0) input[images.field] = images.kind === 'single' ? urls[0] : urls;
	}
	const dedicated = CATALOGUE.find(
		(model) => model.id === valid.model && model.fieldsAt === 'body',
	);
	if (dedicated) {
		return build(dedicated, { model: dedicated, fields: input, media: [], callBackUrl }, []);
	}
	const body: IDataObject = { model: valid.model, input };
	if (callBackUrl) body.callBackUrl = callBackUrl;
	return { api: 'market', endpoint: 'market.create', model: valid.model, body };
}
