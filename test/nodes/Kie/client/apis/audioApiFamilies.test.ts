/**
 * The Suno, 4o Image and Flux Kontext readers on the shapes Kie's pages disagree about: status vs
 * quickstart pages, camelCase vs snake_case, epoch vs text times, CALLBACK_EXCEPTION.
 */
import { apiFamily, parseCallbackBody } from '../../../../../nodes/Kie/client';

const suno = apiFamily('suno');
const fourO = apiFamily('4o-image');
const flux = apiFamily('flux-kontext');

const track = (n: number, audio = true) => ({
	id: `id-${n}`,
	audioUrl: audio ? `https://cdn.example/${n}.mp3` : '',
	streamAudioUrl: `https://cdn.example/stream/${n}`,
	imageUrl: `https://cdn.example/${n}.jpeg`,
	prompt: 'la',
	modelName: 'chirp-v4',
	title: 'Song',
	tags: 'pop',
	createTime: '2025-01-01 00:00:00',
	duration: 100 + n,
});

describe('Suno status', () => {
	it('maps the statuses onto the task states and lists every finished track’s audio', () => {
		const at = (status: string, tracks: unknown[] = []) =>
			suno.parseStatus(
				{ taskId: 't', status, param: '{"model":"V4_5"}', response: { sunoData: tracks } },
				't',
			);
		expect(at('PENDING').state).toBe('waiting');
		expect(at('TEXT_SUCCESS', [track(0, false), track(1, false)])).toMatchObject({
			state: 'generating',
			resultUrls: [],
		});
		expect(at('FIRST_SUCCESS', [track(0), track(1, false)]).resultUrls).toEqual([
			'https://cdn.example/0.mp3',
		]);
		const done = at('SUCCESS', [track(0), track(1)]);
		expect(done).toMatchObject({ api: 'suno', model: 'V4_5', state: 'success' });
		expect(done.extra?.tracks).toEqual(
			[0, 1].map((n) => ({
				id: `id-${n}`,
				audioUrl: `https://cdn.example/${n}.mp3`,
				streamAudioUrl: `https://cdn.example/stream/${n}`,
				imageUrl: `https://cdn.example/${n}.jpeg`,
				title: 'Song',
				tags: 'pop',
				duration: 100 + n,
			})),
		);
		expect(at('SENSITIVE_WORD_ERROR')).toMatchObject({
			state: 'fail',
			failCode: 'SENSITIVE_WORD_ERROR',
			failMsg: 'Suno filtered the content for sensitive words',
		});
		// A lost callback (e.g. to the placeholder URL) does not lose a finished song.
		expect(at('CALLBACK_EXCEPTION', [track(0), track(1)]).state).toBe('success');
		expect(at('CALLBACK_EXCEPTION', [track(0, false)]).state).toBe('fail');
	});

	it('takes Suno errorCode/errorMessage as failCode/failMsg and a null response as no tracks', () => {
		const task = suno.parseStatus(
			{
				status: 'GENERATE_AUDIO_FAILED',
				response: null,
				errorCode: 413,
				errorMessage: 'Matches an existing work',
			},
			'x',
		);
		expect(task).toMatchObject({
			taskId: 'x',
			state: 'fail',
			failCode: '413',
			failMsg: 'Matches an existing work',
			resultUrls: [],
		});
		expect(task.extra?.tracks).toEqual([]);
	});

	it('reads the snake_case callback tracks under the camelCase names', () => {
		const body = {
			code: 200,
			msg: 'All generated successfully.',
			data: {
				callbackType: 'complete',
				task_id: 'cb',
				data: [
					{
						id: 'a',
						audio_url: 'https://x/a.mp3',
						stream_audio_url: 'https://x/s',
						image_url: 'https://x/a.jpeg',
						title: 'T',
						tags: 'rock',
						duration: 198.44,
					},
				],
			},
		};
		const parsed = parseCallbackBody(body, 'cb');
		expect(parsed).toMatchObject({
			callbackType: 'complete',
			complete: true,
			task: { api: 'suno', state: 'success', resultUrls: ['https://x/a.mp3'] },
		});
		expect(parsed.task.extra?.tracks).toEqual([
			{
				id: 'a',
				audioUrl: 'https://x/a.mp3',
				streamAudioUrl: 'https://x/s',
				imageUrl: 'https://x/a.jpeg',
				title: 'T',
				tags: 'rock',
				duration: 198.44,
			},
		]);
	});
});

describe('4o Image status', () => {
	it('reads response.resultUrls (details page) and response.result_urls (quickstart), both time forms', () => {
		const details = fourO.parseStatus(
			{
				taskId: 'a',
				successFlag: 1,
				response: { resultUrls: ['https://x/1.png'] },
				createTime: 1672561200000,
				completeTime: 1672561210000,
				progress: '1.00',
				paramJson: '{"size":"1:1"}',
			},
			'a',
		);
		expect(details).toMatchObject({
			state: 'success',
			resultUrls: ['https://x/1.png'],
			costTime: 10_000,
			progress: 100,
			param: { size: '1:1' },
		});
		const quickstart = fourO.parseStatus(
			{
				taskId: 'a',
				successFlag: 1,
				response: { result_urls: ['https://x/2.png'] },
				createTime: '2024-01-15 10:30:00',
				completeTime: '2024-01-15 10:35:00',
			},
			'a',
		);
		expect(quickstart).toMatchObject({
			resultUrls: ['https://x/2.png'],
			createTime: Date.UTC(2024, 0, 15, 10, 30),
			costTime: 300_000,
		});
		expect(
			fourO.parseStatus({ successFlag: 0, progress: '0.50', response: null }, 'a'),
		).toMatchObject({ state: 'generating', progress: 50 });
		expect(
			fourO.parseStatus({ successFlag: 2, errorCode: 400, errorMessage: 'flagged' }, 'a'),
		).toMatchObject({ state: 'fail', failCode: '400', failMsg: 'flagged' });
	});

	it('leaves Veo’s callback (camelCase data.info.resultUrls) to other readers', () => {
		const veo = {
			code: 200,
			msg: 'ok',
			data: { taskId: 'v', info: { resultUrls: ['https://x/v.mp4'] }, fallbackFlag: false },
		};
		expect(fourO.parseCallback(veo, 'v')).toBeUndefined();
		expect(flux.parseCallback(veo, 'v')).toBeUndefined();
		expect(suno.parseCallback(veo, 'v')).toBeUndefined();
	});
});

describe('Flux Kontext status', () => {
	it('successFlag 1 with resultImageUrl, 2 and 3 as failures, ISO times', () => {
		const done = flux.parseStatus(
			{
				taskId: 'f',
				successFlag: 1,
				response: { originImageUrl: 'https://x/o.jpg', resultImageUrl: 'https://x/r.jpg' },
				createTime: '2024-03-20T10:25:00Z',
				completeTime: '2024-03-20T10:30:00Z',
				paramJson: '{"model":"flux-kontext-max"}',
			},
			'f',
		);
		expect(done).toMatchObject({
			api: 'flux-kontext',
			model: 'flux-kontext-max',
			state: 'success',
			resultUrls: ['https://x/r.jpg'],
			costTime: 300_000,
			extra: { originImageUrl: 'https://x/o.jpg' },
		});
		expect(flux.parseStatus({ successFlag: 2 }, 'f')).toMatchObject({
			state: 'fail',
			failCode: '2',
			failMsg: 'Flux Kontext could not create the task',
		});
		expect(
			flux.parseStatus(
				{ successFlag: 3, errorCode: 501, errorMessage: 'Image generation task failed' },
				'f',
			),
		).toMatchObject({ state: 'fail', failCode: '501' });
		expect(flux.parseStatus({ successFlag: 0, response: null }, 'f').state).toBe('generating');
	});
});
