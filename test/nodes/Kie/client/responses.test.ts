import {
	parseCreatedTaskId as parseCreated,
	parseCredits,
	parseUploadResult,
	taskIdOf,
	unwrapEnvelope,
} from '../../../../nodes/Kie/client/answers';
import { marketApi } from '../../../../nodes/Kie/client/apis';
import { KieRequestError } from '../../../../nodes/Kie/client/errors';
import type { RawResponse } from '../../../../nodes/Kie/client/http';

/** A jobs-API record as the status endpoint or a callback body without a code carries it. */
const parseTaskRecord = (
	data: unknown,
	source: 'recordInfo' | 'callback' = 'recordInfo',
	taskId = '',
) =>
	source === 'callback'
		? marketApi.parseCallback({ data } as never, taskId)!.task
		: marketApi.parseStatus(data, taskId);
const parseCreatedTaskId = (data: unknown) => parseCreated('market.create', data);

const answer = (
	status: number,
	body: unknown,
	headers: Record<string, unknown> = {},
): RawResponse => ({
	status,
	headers,
	text: typeof body === 'string' ? body : JSON.stringify(body),
});

function thrown(run: () => unknown): KieRequestError {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(KieRequestError);
		return error as KieRequestError;
	}
	throw new Error('expected a KieRequestError, nothing was thrown');
}

describe('unwrapEnvelope', () => {
	it('returns data of a code 200 answer, whatever its shape', () => {
		expect(
			unwrapEnvelope(
				'market.create',
				answer(200, { code: 200, msg: 'success', data: { taskId: 't1' } }),
			),
		).toEqual({
			taskId: 't1',
		});
		expect(
			unwrapEnvelope('account.credits', answer(200, { code: 200, msg: 'success', data: 1234 })),
		).toBe(1234);
		expect(
			unwrapEnvelope('account.credits', answer(200, { code: 200, data: 'https://x/y.png' })),
		).toBe('https://x/y.png');
		expect(
			unwrapEnvelope('market.create', answer(200, { code: 200, msg: 'success' })),
		).toBeUndefined();
	});

	it('reads an error code in the body of an HTTP 200 as the error it is', () => {
		const error = thrown(() =>
			unwrapEnvelope(
				'account.credits',
				answer(200, { code: 401, msg: 'You do not have access permissions' }),
			),
		);
		expect(error.info).toEqual({
			endpoint: 'account.credits',
			delivery: 'answered',
			code: 401,
			httpStatus: 200,
			kieMessage: 'You do not have access permissions',
			retryAfterMs: undefined,
		});
		expect(error.message).toBe(
			'Kie.ai rejected the API key: check the Kie.ai API credential (https://kie.ai/api-key) (code 401): You do not have access permissions',
		);
	});

	it.each([
		[402, 'answered'],
		[422, 'answered'],
		[429, 'answered'],
		[433, 'answered'],
		[455, 'answered'],
		[500, 'maybe-sent'],
		[501, 'answered'],
		[505, 'answered'],
	])('body code %i is %s', (code, delivery) => {
		expect(
			thrown(() => unwrapEnvelope('market.create', answer(200, { code, msg: 'x', data: null })))
				.info,
		).toMatchObject({
			code,
			delivery,
			httpStatus: 200,
		});
	});

	it("takes Kie's text from msg, message or error", () => {
		for (const key of ['msg', 'message', 'error']) {
			const error = thrown(() =>
				unwrapEnvelope('market.create', answer(200, { code: 422, [key]: 'prompt is required' })),
			);
			expect(error.info.kieMessage).toBe('prompt is required');
			expect(error.message).toBe('Kie.ai rejected the parameters (code 422): prompt is required');
		}
	});

	it('reads Retry-After in seconds or as a date', () => {
		const seconds = thrown(() =>
			unwrapEnvelope('market.create', answer(429, { code: 429 }, { 'retry-after': '3' })),
		);
		expect(seconds.info.retryAfterMs).toBe(3000);
		const date = new Date(Date.now() + 60_000).toUTCString();
		const dated = thrown(() =>
			unwrapEnvelope('market.create', answer(429, { code: 429 }, { 'retry-after': date })),
		);
		expect(dated.info.retryAfterMs).toBeGreaterThan(55_000);
		expect(dated.info.retryAfterMs).toBeLessThanOrEqual(60_000);
	});

	describe('the upload host', () => {
		it('returns data of a success: true answer', () => {
			const data = { downloadUrl: 'https://u/f.png', fileName: 'f.png' };
			expect(
				unwrapEnvelope('upload.stream', answer(200, { success: true, code: 200, msg: 'ok', data })),
			).toEqual(data);
		});

		it('reads success: false as an error, with its code or as 400 without one', () => {
			const withCode = thrown(() =>
				unwrapEnvelope(
					'upload.stream',
					answer(200, { success: false, code: 401, msg: 'Authentication failed: Invalid API Key' }),
				),
			);
			expect(withCode.info).toMatchObject({
				code: 401,
				delivery: 'answered',
				kieMessage: 'Authentication failed: Invalid API Key',
			});
			const withoutCode = thrown(() =>
				unwrapEnvelope('upload.url', answer(200, { success: false, msg: 'File download failed' })),
			);
			expect(withoutCode.info).toMatchObject({ code: 400, delivery: 'answered' });
			expect(withoutCode.message).toBe(
				'Kie.ai rejected the request as invalid (code 400): File download failed',
			);
		});
	});

	describe('answers that cannot be read', () => {
		it.each([
			['truncated JSON', '{"code":200,"msg":"success","data":{"taskId":"'],
			['an empty body', ''],
			['HTML', '<html>502 Bad Gateway</html>'],
			['a JSON array', '[1,2]'],
			['a JSON string', '"ok"'],
		])('%s with HTTP 200 is MALFORMED and may have been acted on', (_label, text) => {
			const error = thrown(() =>
				unwrapEnvelope('market.create', { status: 200, headers: {}, text }),
			);
			expect(error.info).toEqual({
				endpoint: 'market.create',
				delivery: 'maybe-sent',
				httpStatus: 200,
				networkCode: 'MALFORMED',
			});
			expect(error.message).toBe('Kie.ai answered with something that is not JSON');
		});
	});

	describe('HTTP errors', () => {
		it('5xx may have been acted on, with the body code when there is one', () => {
			const withBody = thrown(() =>
				unwrapEnvelope('market.create', answer(500, { code: 500, msg: 'Internal Server Error' })),
			);
			expect(withBody.info).toMatchObject({
				delivery: 'maybe-sent',
				code: 500,
				httpStatus: 500,
				kieMessage: 'Internal Server Error',
			});
			const html = thrown(() =>
				unwrapEnvelope('market.status', answer(502, '<html>Bad Gateway</html>')),
			);
			expect(html.info).toMatchObject({ delivery: 'maybe-sent', code: 502, httpStatus: 502 });
			expect(html.message).toBe('Kie.ai is unreachable (bad gateway) (code 502)');
		});

		it('4xx was answered', () => {
			expect(
				thrown(() =>
					unwrapEnvelope('market.create', answer(429, { code: 429, msg: 'Rate limit exceeded' })),
				).info,
			).toMatchObject({
				delivery: 'answered',
				code: 429,
				httpStatus: 429,
			});
			expect(
				thrown(() => unwrapEnvelope('market.status', answer(404, 'Not Found'))).info,
			).toMatchObject({
				delivery: 'answered',
				code: 404,
			});
		});
	});
});

describe('parseTaskRecord', () => {
	const record = {
		taskId: 'task-1',
		model: 'nano-banana-pro',
		state: 'success',
		param:
			'{"model":"nano-banana-pro","callBackUrl":"https://cb","input":{"prompt":"a cat","resolution":"1K"}}',
		resultJson: '{"resultUrls":["https://r/a.png","https://r/b.png"]}',
		failCode: '',
		failMsg: '',
		costTime: 8000,
		completeTime: 1757584172490,
		createTime: 1757584164490,
		creditsConsumed: 24,
	};

	it("parses Kie's JSON strings once, into the item users see", () => {
		expect(parseTaskRecord(record)).toEqual({
			taskId: 'task-1',
			api: 'market',
			model: 'nano-banana-pro',
			state: 'success',
			resultUrls: ['https://r/a.png', 'https://r/b.png'],
			failCode: null,
			failMsg: null,
			costTime: 8000,
			createTime: 1757584164490,
			completeTime: 1757584172490,
			creditsConsumed: 24,
			param: {
				model: 'nano-banana-pro',
				callBackUrl: 'https://cb',
				input: { prompt: 'a cat', resolution: '1K' },
			},
		});
	});

	it('accepts resultJson and param already parsed, empty or unreadable', () => {
		const parsed = parseTaskRecord({
			...record,
			resultJson: { resultUrls: ['https://r/c.png'] },
			param: { model: 'm' },
		});
		expect(parsed.resultUrls).toEqual(['https://r/c.png']);
		expect(parsed.param).toEqual({ model: 'm' });
		const empty = parseTaskRecord({ ...record, state: 'generating', resultJson: '', param: '' });
		expect(empty.resultUrls).toEqual([]);
		expect(empty.param).toBeNull();
		const unreadable = parseTaskRecord({
			...record,
			resultJson: '{"resultUrls":[',
			param: 'not json',
		});
		expect(unreadable.resultUrls).toEqual([]);
		expect(unreadable.param).toBeNull();
		expect(unreadable.model).toBe('nano-banana-pro');
	});

	it('keeps resultObject and extra result keys', () => {
		const task = parseTaskRecord({
			...record,
			resultJson:
				'{"resultUrls":["https://r/v.mp4"],"firstFrameUrl":"https://r/f.jpg","resultObject":{"text":"hi"}}',
		});
		expect(task.resultUrls).toEqual(['https://r/v.mp4']);
		expect(task.resultObject).toEqual({ text: 'hi' });
		expect(task.extra).toEqual({ firstFrameUrl: 'https://r/f.jpg' });
	});

	it('finds the task id as taskId, task_id or recordId, else the one asked for', () => {
		expect(parseTaskRecord({ ...record, taskId: undefined, task_id: 'snake' }).taskId).toBe(
			'snake',
		);
		expect(parseTaskRecord({ ...record, taskId: undefined, recordId: 'rec' }).taskId).toBe('rec');
		expect(parseTaskRecord({ ...record, taskId: undefined }, 'recordInfo', 'asked').taskId).toBe(
			'asked',
		);
		expect(taskIdOf({ taskId: 42 })).toBe('42');
		expect(taskIdOf({ taskId: '' })).toBeUndefined();
	});

	it('parses param.input when Kie sends it as JSON text inside the JSON text', () => {
		const nested = JSON.stringify({
			model: 'nano-banana-pro',
			input: JSON.stringify({ prompt: 'a cat', image_input: ['https://u/a.png'] }),
		});
		expect(parseTaskRecord({ ...record, param: nested }).param).toEqual({
			model: 'nano-banana-pro',
			input: { prompt: 'a cat', image_input: ['https://u/a.png'] },
		});
		const text = JSON.stringify({ model: 'm', input: 'not json' });
		expect(parseTaskRecord({ ...record, param: text }).param).toEqual({
			model: 'm',
			input: 'not json',
		});
	});

	it('takes the model from param when the record has none', () => {
		expect(parseTaskRecord({ ...record, model: undefined }).model).toBe('nano-banana-pro');
	});

	it.each([
		['SUCCESS', 'success'],
		['Generating', 'generating'],
		['queuing', 'queuing'],
		['failed', 'fail'],
		['error', 'fail'],
		['completed', 'success'],
		['succeeded', 'success'],
		['', 'waiting'],
		[undefined, 'waiting'],
		['something new', 'waiting'],
	])('reads state %p as %s', (state, expected) => {
		expect(parseTaskRecord({ ...record, state }).state).toBe(expected);
	});

	describe('costTime, milliseconds in recordInfo and seconds in the callbacks', () => {
		it('picks the unit that matches create-to-complete time', () => {
			expect(parseTaskRecord({ ...record, costTime: 8 }, 'recordInfo').costTime).toBe(8000);
			expect(parseTaskRecord({ ...record, costTime: 8000 }, 'callback').costTime).toBe(8000);
			expect(parseTaskRecord({ ...record, costTime: '8' }, 'callback').costTime).toBe(8000);
		});

		it('goes by the source without those times', () => {
			const bare = { ...record, createTime: null, completeTime: undefined };
			expect(parseTaskRecord({ ...bare, costTime: 12 }, 'callback').costTime).toBe(12_000);
			expect(parseTaskRecord({ ...bare, costTime: 12 }, 'recordInfo').costTime).toBe(12);
			expect(parseTaskRecord({ ...bare, costTime: null }, 'callback').costTime).toBeNull();
		});
	});

	it('reads fail fields as text and credits from consumeCredits too', () => {
		const task = parseTaskRecord(
			{
				...record,
				state: 'fail',
				failCode: 500,
				failMsg: 'Internal server error',
				creditsConsumed: undefined,
				consumeCredits: '0',
			},
			'callback',
		);
		expect(task).toMatchObject({
			state: 'fail',
			failCode: '500',
			failMsg: 'Internal server error',
			creditsConsumed: 0,
		});
	});

	it('keeps progress when Kie reports it', () => {
		expect(parseTaskRecord({ ...record, state: 'generating', progress: 40 }).progress).toBe(40);
		expect(parseTaskRecord(record).progress).toBeUndefined();
	});

	it('refuses a missing record, naming the task', () => {
		const error = thrown(() => parseTaskRecord(null, 'recordInfo', 'gone'));
		expect(error.message).toBe('Kie.ai returned no record for task gone');
		expect(error.info).toMatchObject({
			endpoint: 'market.status',
			delivery: 'answered',
			code: 404,
		});
	});
});

describe('parseCreatedTaskId', () => {
	it.each([
		[{ taskId: 't-1' }, 't-1'],
		[{ task_id: 't-2' }, 't-2'],
		[{ taskId: 123 }, '123'],
		['t-3', 't-3'],
	])('reads %p', (data, expected) => {
		expect(parseCreatedTaskId(data)).toBe(expected);
	});

	it.each([[undefined], [null], [{}], [''], [{ taskId: '' }]])(
		'refuses %p as an answer that may hide a created task',
		(data) => {
			const error = thrown(() => parseCreatedTaskId(data));
			expect(error.info).toMatchObject({
				endpoint: 'market.create',
				delivery: 'maybe-sent',
				networkCode: 'MALFORMED',
			});
			expect(error.message).toBe('Kie.ai accepted the task but its answer carried no taskId');
		},
	);
});

describe('parseCredits', () => {
	it.each([
		[1234, 1234],
		['99.5', 99.5],
		[0, 0],
		[{ credits: 7 }, 7],
		[{ balance: '8' }, 8],
	])('reads %p', (data, expected) => {
		expect(parseCredits(data)).toBe(expected);
	});

	it.each([[null], [''], ['lots'], [{}], [undefined]])('refuses %p', (data) => {
		expect(thrown(() => parseCredits(data)).message).toBe(
			'Kie.ai answered the credits request without a number',
		);
	});
});

describe('parseUploadResult', () => {
	it('reads the endpoint pages’ fields', () => {
		expect(
			parseUploadResult('upload.stream', {
				fileName: 'a.png',
				filePath: 'n8n/a.png',
				downloadUrl: 'https://u/n8n/a.png',
				fileSize: 10,
				mimeType: 'image/png',
				uploadedAt: '2025-01-01T00:00:00Z',
			}),
		).toEqual({
			downloadUrl: 'https://u/n8n/a.png',
			fileName: 'a.png',
			filePath: 'n8n/a.png',
			fileSize: 10,
			mimeType: 'image/png',
			uploadedAt: '2025-01-01T00:00:00Z',
		});
	});

	it('reads the quickstart page’s answer (fileId, fileUrl, downloadUrl, uploadPath, no filePath)', () => {
		// file-upload-api/quickstart.md, "Handle Response", verbatim.
		const quickstart = {
			fileId: 'file_abc123456',
			fileName: 'my-image.jpg',
			originalName: 'sample-image.jpg',
			fileSize: 245760,
			mimeType: 'image/jpeg',
			uploadPath: 'images',
			fileUrl: 'https://kieai.redpandaai.co/files/images/my-image.jpg',
			downloadUrl: 'https://kieai.redpandaai.co/download/file_abc123456',
			uploadTime: '2025-01-15T10:30:00Z',
			expiresAt: '2025-01-18T10:30:00Z',
		};
		expect(parseUploadResult('upload.url', quickstart)).toEqual({
			downloadUrl: 'https://kieai.redpandaai.co/download/file_abc123456',
			fileName: 'my-image.jpg',
			filePath: 'images/my-image.jpg',
			fileSize: 245760,
			mimeType: 'image/jpeg',
			uploadedAt: '2025-01-15T10:30:00Z',
		});
	});

	it('takes fileUrl when an answer has no downloadUrl, and a numeric string size', () => {
		expect(
			parseUploadResult('upload.url', {
				fileUrl: 'https://u/n8n/b.jpg',
				fileName: 'b.jpg',
				uploadPath: 'n8n',
				uploadTime: 'today',
				fileSize: '5',
			}),
		).toMatchObject({
			downloadUrl: 'https://u/n8n/b.jpg',
			filePath: 'n8n/b.jpg',
			uploadedAt: 'today',
			fileSize: 5,
		});
	});

	it('refuses an answer without a file URL', () => {
		expect(thrown(() => parseUploadResult('upload.base64', { fileName: 'x' })).message).toBe(
			'Kie.ai accepted the upload but its answer carried no download URL',
		);
		expect(thrown(() => parseUploadResult('upload.base64', 'ok')).info).toMatchObject({
			delivery: 'maybe-sent',
		});
	});
});
