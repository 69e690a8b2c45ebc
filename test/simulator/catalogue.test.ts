/**
 * The simulated jobs API checks every catalogue model's input against the catalogue's data
 * (Kie's pages with the overrides) and answers with results of every documented shape.
 */
import { startSimulator, type KieSimulator } from './';
import { call, createdTaskId, createTask, waitForFinal } from './test-helpers';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 20 });
});
afterEach(() => sim.reset());
afterAll(() => sim.stop());

const IMAGE = 'https://example.com/a.png';
const AUDIO = 'https://example.com/a.mp3';
const KLING_3 = { sound: false, duration: '5', mode: 'pro' };

async function refusal(model: string, input: Record<string, unknown>): Promise<string | undefined> {
	const answer = (await createTask(sim, { model, input })).json;
	return answer.code === 200 ? undefined : `${answer.code} ${answer.msg}`;
}

describe('the jobs API checks input against the catalogue data', () => {
	it.each([
		['a missing required field', 'recraft/remove-background', {}, '422 image is required'],
		[
			'a field the page does not name',
			'recraft/remove-background',
			{ image: IMAGE, prompt: 'x' },
			'422 prompt is not a parameter of this model',
		],
		[
			'a value outside the enum',
			'nano-banana-pro',
			{ prompt: 'x', resolution: '8K' },
			'422 resolution is not within the range of allowed options: 1K, 2K, 4K',
		],
		[
			'a value of the wrong type',
			'google/imagen4-fast',
			{ prompt: 'x', num_images: 3 },
			'422 num_images must be of type string',
		],
		[
			'a number outside its range',
			'topaz/image-upscale',
			{ image_url: IMAGE, upscale_factor: '9' },
			'422 upscale_factor is not within the range of allowed options: 1, 2, 4, 8',
		],
		[
			'too many items',
			'nano-banana-pro',
			{ prompt: 'x', image_input: Array(9).fill(IMAGE) },
			'422 image_input supports at most 8 items',
		],
		[
			'a media field that is no URL',
			'elevenlabs/speech-to-text',
			{ audio_url: 'recording.mp3' },
			'422 audio_url must be an audio URL',
		],
		[
			'a text over its length',
			'elevenlabs/text-to-speech-turbo-2-5',
			{ text: 'x'.repeat(5001) },
			'422 text length cannot exceed 5000 characters',
		],
		[
			"a broken rule (Kling 3.0's single shot without a prompt)",
			'kling-3.0/video',
			{ ...KLING_3, multi_shots: false, aspect_ratio: '16:9' },
			'422 prompt is required: Kling 3.0 needs a prompt for a single-shot video',
		],
		[
			'a nested field (a Kling 3.0 shot over 12 s)',
			'kling-3.0/video',
			{
				...KLING_3,
				multi_shots: true,
				multi_prompt: [{ prompt: 'a', duration: 13 }],
				image_urls: [IMAGE],
			},
			'422 multi_prompt[0].duration must be at most 12',
		],
	])('refuses %s', async (_what, model, input, expected) => {
		expect(await refusal(model, input)).toBe(expected);
		expect(sim.record.createdTaskCount()).toBe(0);
	});

	it.each([
		[
			'Kling 3.0 multi-shot without a main prompt or aspect ratio',
			'kling-3.0/video',
			{
				...KLING_3,
				multi_shots: true,
				multi_prompt: [{ prompt: 'a', duration: 3 }],
				image_urls: [IMAGE],
			},
		],
		[
			'Grok image-to-video from an earlier task',
			'grok-imagine/image-to-video',
			{ task_id: 'abc', index: 2, mode: 'spicy' },
		],
		['Recraft background removal without a prompt', 'recraft/remove-background', { image: IMAGE }],
		[
			"Seedance 2 reference videos (the page's name has a trailing space)",
			'bytedance/seedance-2',
			{
				prompt: 'a dog runs',
				reference_video_urls: ['https://example.com/v.mp4'],
				web_search: false,
			},
		],
	])('accepts %s', async (_what, model, input) => {
		expect(await refusal(model, input)).toBeUndefined();
	});
});

describe('the jobs API answers with results of every shape', () => {
	async function finished(model: string, input: Record<string, unknown>) {
		const taskId = await createdTaskId(sim, { model, input });
		return { taskId, result: JSON.parse((await waitForFinal(sim, taskId)).resultJson) };
	}

	it('gives a transcript as resultObject text for speech to text', async () => {
		const { taskId, result } = await finished('elevenlabs/speech-to-text', {
			audio_url: AUDIO,
			diarize: true,
		});
		expect(result.resultUrls).toBeUndefined();
		expect(result.resultObject.text).toBe(`Transcript of task ${taskId}`);
		expect(result.resultObject.words[0]).toMatchObject({
			text: 'Transcript',
			speaker_id: 'speaker_0',
		});
	});

	it("gives Sora's character as an object with the page's keys", async () => {
		const { taskId, result } = await finished('sora-2-characters', {
			character_file_url: ['https://example.com/v.mp4'],
		});
		expect(result).toEqual({ character_id: `character_id_${taskId.slice(0, 12)}` });
	});

	it("gives Seedance 2's first and last frames beside the video, as JPEG files", async () => {
		const { taskId, result } = await finished('bytedance/seedance-2', {
			prompt: 'a dog runs',
			return_last_frame: true,
			web_search: false,
		});
		expect(result.resultUrls).toHaveLength(1);
		expect(result.lastFrameUrl).toEqual([
			`${sim.baseUrl}/files/results/${taskId}_lastFrameUrl.jpg`,
		]);
		const frame = await call(result.lastFrameUrl[0], 'GET', { key: null });
		expect(frame.status).toBe(200);
		expect(frame.headers['content-type']).toBe('image/jpeg');
	});

	it("serves each model's files in its media: MP3 for voice isolation, MP4 for a video upscale", async () => {
		const isolated = await finished('elevenlabs/audio-isolation', { audio_url: AUDIO });
		expect(isolated.result.resultUrls[0]).toMatch(/\.mp3$/);
		const file = await call(isolated.result.resultUrls[0], 'GET', { key: null });
		expect(file.headers['content-type']).toBe('audio/mpeg');
		const upscaled = await finished('grok-imagine/upscale', { task_id: 'abc' });
		expect(upscaled.result.resultUrls[0]).toMatch(/\.mp4$/);
	});
});
