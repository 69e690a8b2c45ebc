import type { IDataObject } from 'n8n-workflow';

import { taskItem } from '../../../../../nodes/Kie/client/answers';
import { imageCallbackReader } from '../../../../../nodes/Kie/client/apis/dedicatedImage';

const seen: Array<{ data: IDataObject; taskId: string }> = [];
const read = imageCallbackReader((data, taskId) => {
	seen.push({ data, taskId });
	if (!Array.isArray(data.urls)) return undefined;
	return taskItem({ taskId, api: '4o-image', resultUrls: data.urls as string[] });
}, 'Image generation failed');

describe('imageCallbackReader', () => {
	beforeEach(() => (seen.length = 0));

	it("reads the task with the body's taskId (the request's when it has none); code 200 delivers", () => {
		const answer = read(
			{ code: 200, msg: 'ok', data: { taskId: 't-body', urls: ['https://x/1.png'] } },
			't-request',
		);
		expect(seen[0].taskId).toBe('t-body');
		expect(answer?.task).toMatchObject({
			taskId: 't-body',
			state: 'success',
			resultUrls: ['https://x/1.png'],
		});
		expect(answer?.complete).toBe(true);
		read({ code: 200, data: { urls: [] } }, 't-request');
		expect(seen[1].taskId).toBe('t-request');
	});

	it('another code fails the task without its images, with the API words when Kie gives none', () => {
		const answer = read({ code: 501, data: { taskId: 't', urls: ['https://x/1.png'] } }, 't');
		expect(answer?.task).toMatchObject({
			state: 'fail',
			resultUrls: [],
			failCode: '501',
			failMsg: 'Image generation failed',
		});
	});

	it("a body without a data record, or one the API does not read, is not this API's", () => {
		expect(read({ code: 200, data: 'x' }, 't')).toBeUndefined();
		expect(seen).toHaveLength(0);
		expect(read({ code: 200, data: { taskId: 't' } }, 't')).toBeUndefined();
	});
});
