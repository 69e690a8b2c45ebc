import { apiFamily, parseCallbackBody } from '../../../../../nodes/Kie/client/apis';

const veo = apiFamily('veo');
const runway = apiFamily('runway');

describe('Veo 3.1 status (record-info data)', () => {
	it('reads the reference page: results under response, successFlag 1, times, param', () => {
		const task = veo.parseStatus(
			{
				taskId: 'veo_1',
				paramJson: '{"prompt":"a cat","model":"veo3_fast","aspect_ratio":"9:16"}',
				completeTime: 1_700_000_090_000,
				response: {
					taskId: 'veo_1',
					resultUrls: ['http://x/video1.mp4'],
					originUrls: ['http://x/original1.mp4'],
					fullResultUrls: [],
					resolution: '720p',
				},
				successFlag: 1,
				errorCode: null,
				errorMessage: '',
				createTime: 1_700_000_000_000,
				fallbackFlag: false,
			},
			'veo_1',
		);
		expect(task).toMatchObject({
			taskId: 'veo_1',
			api: 'veo',
			model: 'veo3_fast',
			state: 'success',
			resultUrls: ['http://x/video1.mp4'],
			failCode: null,
			failMsg: null,
			costTime: 90_000,
			param: { prompt: 'a cat', model: 'veo3_fast' },
			extra: { resolution: '720p', originUrls: ['http://x/original1.mp4'], fallbackFlag: false },
		});
	});

	it('reads the quickstart: JSON-text resultUrls at the top and date-text times', () => {
		const task = veo.parseStatus(
			{
				taskId: 'veo_2',
				resultUrls: '["http://x/a.mp4"]',
				response: null,
				successFlag: 1,
				createTime: '2025-06-06 10:25:00',
				completeTime: '2025-06-06 10:30:00',
			},
			'veo_2',
		);
		expect(task.resultUrls).toEqual(['http://x/a.mp4']);
		expect(task.createTime).toBe(Date.UTC(2025, 5, 6, 10, 25, 0));
		expect(task.costTime).toBe(300_000);
	});

	it('maps successFlag 0 to generating and 2/3 to fail with errorCode and errorMessage', () => {
		expect(veo.parseStatus({ successFlag: 0, response: null }, 't').state).toBe('generating');
		for (const flag of [2, 3]) {
			expect(
				veo.parseStatus({ successFlag: flag, errorCode: 400, errorMessage: 'flagged' }, 't'),
			).toMatchObject({ state: 'fail', failCode: '400', failMsg: 'flagged', resultUrls: [] });
		}
	});
});

describe('Runway status (record-detail data)', () => {
	it('maps wait/queueing/generating and reads videoInfo on success', () => {
		expect(runway.parseStatus({ state: 'wait' }, 't').state).toBe('waiting');
		expect(runway.parseStatus({ state: 'queueing' }, 't').state).toBe('queuing');
		expect(runway.parseStatus({ state: 'generating' }, 't').state).toBe('generating');
		const task = runway.parseStatus(
			{
				taskId: 'r1',
				parentTaskId: '',
				generateParam: { prompt: 'cat', imageUrl: '', expandPrompt: true },
				state: 'success',
				generateTime: '2023-08-15 14:30:45',
				videoInfo: { videoId: 'v1', videoUrl: 'https://f/k/v.mp4', imageUrl: 'https://f/m/c.png' },
				expireFlag: 0,
			},
			'r1',
		);
		expect(task).toMatchObject({
			api: 'runway',
			state: 'success',
			resultUrls: ['https://f/k/v.mp4'],
			completeTime: Date.UTC(2023, 7, 15, 14, 30, 45),
			param: { prompt: 'cat' },
			extra: { imageUrl: 'https://f/m/c.png', videoId: 'v1', expireFlag: 0 },
		});
	});

	it('reads failCode (a number on the page) and failMsg', () => {
		expect(
			runway.parseStatus({ state: 'fail', failCode: 400, failMsg: 'Inappropriate content' }, 't'),
		).toMatchObject({ state: 'fail', failCode: '400', failMsg: 'Inappropriate content' });
	});
});

describe('callbacks of the video APIs', () => {
	it('Veo: results as a list, as JSON text, or as the create page’s "[url]"', () => {
		for (const resultUrls of [['http://x/v.mp4'], '["http://x/v.mp4"]', '[http://x/v.mp4]']) {
			const parsed = parseCallbackBody(
				{
					code: 200,
					msg: 'Veo3.1 video generated successfully.',
					data: { taskId: 'veo_1', info: { resultUrls, resolution: '1080p' }, fallbackFlag: false },
				},
				'veo_1',
			);
			expect(parsed).toMatchObject({
				complete: true,
				task: {
					api: 'veo',
					state: 'success',
					resultUrls: ['http://x/v.mp4'],
					extra: { resolution: '1080p' },
				},
			});
		}
	});

	it('Veo: a failure (400 content policy) and both 4K bodies', () => {
		expect(
			parseCallbackBody(
				{
					code: 400,
					msg: 'Your prompt was flagged',
					data: { taskId: 'veo_1', fallbackFlag: false },
				},
				'veo_1',
			),
		).toMatchObject({
			complete: true,
			task: { api: 'veo', state: 'fail', failCode: '400', failMsg: 'Your prompt was flagged' },
		});
		const snake = parseCallbackBody(
			{
				code: 200,
				msg: '4K Video generated successfully.',
				data: {
					task_id: 'k1',
					result_urls: ['http://x/4k.mp4'],
					media_ids: ['m'],
					image_urls: ['http://x/4k.jpg'],
				},
			},
			'k1',
		);
		expect(snake.task).toMatchObject({
			api: 'veo',
			taskId: 'k1',
			resultUrls: ['http://x/4k.mp4'],
			extra: { mediaIds: ['m'], imageUrls: ['http://x/4k.jpg'] },
		});
		const camel = parseCallbackBody(
			{
				code: 200,
				msg: '4K Video generated successfully.',
				data: { taskId: 'k2', info: { resultUrls: ['http://x/4k.mp4'], imageUrls: [] } },
			},
			'k2',
		);
		expect(camel.task).toMatchObject({
			api: 'veo',
			state: 'success',
			resultUrls: ['http://x/4k.mp4'],
		});
		expect(
			parseCallbackBody(
				{ code: 500, msg: 'The 4K version of this video is unavailable.', data: { taskId: 'k3' } },
				'k3',
			).task,
		).toMatchObject({ api: 'veo', state: 'fail', failCode: '500' });
	});

	it('Runway: snake_case success and failure with empty URLs', () => {
		expect(
			parseCallbackBody(
				{
					code: 200,
					msg: 'All generated successfully.',
					data: {
						task_id: 'r1',
						video_id: 'v',
						video_url: 'https://f/v.mp4',
						image_url: 'https://f/c.png',
					},
				},
				'r1',
			),
		).toMatchObject({
			complete: true,
			task: {
				api: 'runway',
				state: 'success',
				resultUrls: ['https://f/v.mp4'],
				extra: { imageUrl: 'https://f/c.png' },
			},
		});
		expect(
			parseCallbackBody(
				{
					code: 400,
					msg: 'Get image info failed.',
					data: { task_id: 'r1', video_id: '', video_url: '', image_url: '' },
				},
				'r1',
			),
		).toMatchObject({
			complete: true,
			task: { api: 'runway', state: 'fail', failCode: '400', resultUrls: [] },
		});
	});

	it('leaves jobs-API bodies and the bare webhook notice to the jobs API reader', () => {
		expect(
			parseCallbackBody(
				{
					code: 200,
					msg: 'done',
					data: { taskId: 'j1', state: 'success', resultJson: '{"resultUrls":["http://x/a.mp4"]}' },
				},
				'j1',
			).task,
		).toMatchObject({ api: 'market', resultUrls: ['http://x/a.mp4'] });
		expect(
			parseCallbackBody(
				{ taskId: 'j2', data: { task_id: 'j2', callbackType: 'task_completed' } },
				'j2',
			),
		).toMatchObject({ complete: false, task: { api: 'market' } });
	});
});
