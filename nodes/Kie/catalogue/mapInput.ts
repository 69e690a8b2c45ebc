/** A validated request → the task's input, with the uploaded images first, then the Image URLs. */
import type { IDataObject } from 'n8n-workflow';

import { checkUrl, type Source } from './inputs';
import type { ValidInput } from './validate';

export interface TaskRequest {
	model: string;
	input: IDataObject;
}

const UPLOADED_URLS: Source = { param: 'binaryProperties', label: 'Uploaded image URL' };

export function mapInput(valid: ValidInput, uploadedUrls: readonly string[] = []): TaskRequest {
	const { images } = valid;
	if (!images) return { model: valid.model, input: { ...valid.input } };
	if (uploadedUrls.length !== images.uploadCount) {
		throw new Error(
			`${images.uploadCount} images were validated for upload, but ${uploadedUrls.length} were uploaded`,
		);
	}
	const urls = [...uploadedUrls.map((url) => checkUrl(url, UPLOADED_URLS)), ...images.listed];
	const input: IDataObject = { ...valid.input };
	if (urls.length > 0) input[images.field] = images.kind === 'single' ? urls[0] : urls;
	return { model: valid.model, input };
}
