/**
 * Version 2's panel through n8n's engine against the simulator: every catalogue model is picked
 * per resource (imageModel, videoModel, audioModel) and shows its own fields; binaries reach each
 * kind of media field, prompt-less tools run without a prompt, text results land in the item,
 * the inputs 0.2 refused now pass, and bad input is still refused before any request.
 */
import { makeMp3 } from '../../../simulator/audio';
import { makePng, startSimulator } from '../../../simulator';
import type { KieSimulator } from '../../../simulator';
import {
	binaryOf,
	createBodies,
	createTaskDirectly,
	FAST_POLL,
	kieOutput,
	runKie,
	sha256,
	streamUploads,
	type KieRunOptions,
} from '../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const v2 = (options: KieRunOptions = {}): KieRunOptions => ({ ...options, typeVersion: 2 });
// 300 px: Recraft Remove Background needs 256–4096 px a side, Seedance 2's references 300–6000.
const photo = makePng('v2-photo', 300);
const reference = makePng('v2-reference', 320);
const voice = makeMp3('v2-voice');
const withBinaries = (binary: Record<string, ReturnType<typeof binaryOf>>) => ({
	items: [{ json: {}, binary }],
});
const bodyOf = (index = 0) => createBodies(sim)[index];
/** Every request the simulator saw (creates, uploads, status reads). */
const requestCount = () => sim.record.requests.length;

describe('a prompt-less tool model runs without a prompt', () => {
	it('Recraft Remove Background takes its single image from a binary, as a string', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'removeBackground',
				imageModel: 'recraft/remove-background',
				imageBinary: 'photo',
				options: FAST_POLL,
			},
			v2(withBinaries({ photo: binaryOf(photo, 'image/png', 'photo.png') })),
		);
		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(item.binary?.data?.mimeType).toMatch(/^image\//);
		const [upload] = streamUploads(sim);
		expect(upload.files[0].sha256).toBe(sha256(photo));
		const body = bodyOf();
		expect(body.model).toBe('recraft/remove-background');
		expect(typeof body.input.image).toBe('string');
		expect(body.input.image).toMatch(/^https?:\/\//);
		expect(body.input).not.toHaveProperty('prompt');
	});
});

describe('a binary reaches each kind of media field', () => {
	it('Seedance 2: reference images, video and audio from binaries and URLs', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'video',
				operation: 'generate',
				videoModel: 'bytedance/seedance-2',
				prompt: 'The dancer from the reference spins to the music',
				binaryProperties: 'ref1, ref2',
				imageUrls: ['https://images.example.com/ref3.png'],
				referenceVideoUrlsBinary: 'clip',
				referenceAudioUrlsBinary: 'song',
				options: FAST_POLL,
			},
			v2(
				withBinaries({
					ref1: binaryOf(photo, 'image/png', 'ref1.png'),
					ref2: binaryOf(reference, 'image/png', 'ref2.png'),
					clip: binaryOf(Buffer.from('not really a video'), 'video/mp4', 'clip.mp4'),
					song: binaryOf(voice, 'audio/mpeg', 'song.mp3'),
				}),
			),
		);
		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(streamUploads(sim)).toHaveLength(4);
		const { input } = bodyOf();
		// Its first frame is a mode of its own (seedance2-modes.workflow.test.ts).
		expect(input).not.toHaveProperty('first_frame_url');
		const refs = input.reference_image_urls as string[];
		expect(refs).toHaveLength(3);
		expect(refs[2]).toBe('https://images.example.com/ref3.png');
		expect(input.reference_video_urls).toHaveLength(1);
		expect(input.reference_audio_urls).toHaveLength(1);
		// The uploads, in the order the fields list them.
		const uploaded = streamUploads(sim).map((upload) => upload.files[0].sha256);
		expect(uploaded[0]).toBe(sha256(photo));
		expect(uploaded[1]).toBe(sha256(reference));
		expect(uploaded[3]).toBe(sha256(voice));
	});
});

describe('a text result is emitted', () => {
	it('Speech to Text: an uploaded MP3 becomes the transcript and its words in the item', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'audio',
				operation: 'transcribe',
				audioModel: 'elevenlabs/speech-to-text',
				audioUrlBinary: 'voice',
				options: FAST_POLL,
			},
			v2(withBinaries({ voice: binaryOf(voice, 'audio/mpeg', 'voice.mp3') })),
		);
		const [item] = kieOutput(result);
		expect(item.json.state).toBe('success');
		expect(item.json.text).toBe(`Transcript of task ${String(item.json.taskId)}`);
		expect(item.json.words).toEqual(
			expect.arrayContaining([expect.objectContaining({ text: 'Transcript', start: 0 })]),
		);
		expect(typeof bodyOf().input.audio_url).toBe('string');
		expect(bodyOf().input).not.toHaveProperty('prompt');
	});
});

describe('inputs 0.2 refused now run', () => {
	it('Kling 3.0 multi-shot without a main prompt and without an aspect ratio, from a WebP binary', async () => {
		const shots = [
			{ prompt: 'A dog runs', duration: 3 },
			{ prompt: 'The dog jumps', duration: 2 },
		];
		const result = await runKie(
			sim,
			{
				resource: 'video',
				operation: 'generate',
				videoModel: 'kling-3.0/video',
				multiShots: true,
				multiPrompt: JSON.stringify(shots),
				aspectRatio: '',
				binaryProperties: 'frame',
				duration: '5',
				options: FAST_POLL,
			},
			v2(withBinaries({ frame: binaryOf(photo, 'image/webp', 'frame.webp') })),
		);
		expect(kieOutput(result)[0].json.state).toBe('success');
		const { input } = bodyOf();
		expect(input).not.toHaveProperty('prompt');
		expect(input).not.toHaveProperty('aspect_ratio');
		expect(input.multi_shots).toBe(true);
		expect(input.multi_prompt).toEqual(shots);
		expect(input.image_urls).toHaveLength(1);
	});

	it("Grok Imagine image to video from an earlier Grok image's task_id and index", async () => {
		const result = await runKie(
			sim,
			{
				resource: 'video',
				operation: 'generate',
				videoModel: 'grok-imagine/image-to-video',
				prompt: 'The cat waves',
				taskId: 'grok-image-task-1',
				index: 1,
				options: FAST_POLL,
			},
			v2(),
		);
		expect(kieOutput(result)[0].json.state).toBe('success');
		expect(bodyOf().input).toMatchObject({ task_id: 'grok-image-task-1', index: 1 });
		expect(bodyOf().input).not.toHaveProperty('image_urls');
	});

	it('Flux Kontext edits without an aspect ratio', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'edit',
				imageModel: 'flux-kontext-pro',
				prompt: 'Make it winter',
				inputImage: 'https://images.example.com/summer.png',
				aspectRatio: '',
				options: FAST_POLL,
			},
			v2(),
		);
		expect(kieOutput(result)[0].json.state).toBe('success');
		const body = sim.record.requests.find((entry) => entry.endpoint === 'fluxKontextGenerate')
			?.body as Record<string, unknown>;
		expect(body).toMatchObject({
			model: 'flux-kontext-pro',
			inputImage: 'https://images.example.com/summer.png',
		});
		expect(body).not.toHaveProperty('aspectRatio');
	});

	it('4o Image edits without a prompt', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'edit',
				imageModel: 'gpt-4o-image',
				imageUrls: ['https://images.example.com/a.png'],
				size: '1:1',
				options: FAST_POLL,
			},
			v2(),
		);
		expect(kieOutput(result)[0].json.state).toBe('success');
		const body = sim.record.requests.find((entry) => entry.endpoint === 'fourOImageGenerate')
			?.body as Record<string, unknown>;
		expect(body).toMatchObject({ filesUrl: ['https://images.example.com/a.png'], size: '1:1' });
		expect(body).not.toHaveProperty('prompt');
	});
});

describe('models beyond the pages snapshot (overrides.ts ADDED_MODELS)', () => {
	it('GPT Image 2 Image to Image edits an uploaded binary under input_urls', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'edit',
				imageModel: 'gpt-image-2-image-to-image',
				prompt: 'Put the product on a marble table',
				binaryProperties: 'photo',
				aspectRatio: '2:3',
				options: FAST_POLL,
			},
			v2(withBinaries({ photo: binaryOf(photo, 'image/png', 'photo.png') })),
		);
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ state: 'success', model: 'gpt-image-2-image-to-image' });
		expect(item.binary?.data?.mimeType).toMatch(/^image\//);
		expect(streamUploads(sim)[0].files[0].sha256).toBe(sha256(photo));
		expect(bodyOf()).toEqual({
			model: 'gpt-image-2-image-to-image',
			input: {
				prompt: 'Put the product on a marble table',
				input_urls: [expect.stringMatching(/^https?:\/\//)],
				aspect_ratio: '2:3',
			},
		});
	});

	it('GPT Image 2 Text to Image refuses an aspect ratio its source does not list, before any request', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'generate',
				imageModel: 'gpt-image-2-text-to-image',
				prompt: 'A lighthouse',
				aspectRatio: '2:3',
				options: FAST_POLL,
			},
			v2(),
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/Aspect Ratio "2:3".*Allowed: auto, 1:1, 16:9, 9:16, 3:2/,
		);
		expect(requestCount()).toBe(0);
	});
});

describe('withdrawn models stay runnable for saved workflows', () => {
	it.each([
		['video', 'sora-2-text-to-video', { prompt: 'A paper boat on a river' }, 'video/mp4'],
		['audio', 'elevenlabs/sound-effect-v2', { text: 'A door creaks open' }, 'audio/mpeg'],
	] as const)('%s: %s runs and emits its file', async (resource, id, fields, mimeType) => {
		const result = await runKie(
			sim,
			{
				resource,
				operation: 'generate',
				[`${resource}Model`]: id,
				...fields,
				options: FAST_POLL,
			},
			v2(),
		);
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ state: 'success', model: id });
		expect(item.binary?.data?.mimeType).toBe(mimeType);
		expect(bodyOf()).toMatchObject({ model: id, input: fields });
	});
});

describe('bad input is refused before any request', () => {
	it.each([
		[
			'an unknown enum value, named as the panel shows it',
			{ videoModel: 'kling-3.0/video', prompt: 'A dog', duration: '20' },
			/Duration "20" is not supported by Kling 3\.0\. Allowed: 3, 4/,
		],
		[
			'Kling 3.0 single-shot without a prompt',
			{ videoModel: 'kling-3.0/video', aspectRatio: '16:9' },
			/Prompt is empty: Kling 3\.0 needs a prompt/,
		],
		[
			'Grok image to video with both images and a task_id',
			{
				videoModel: 'grok-imagine/image-to-video',
				imageUrls: ['https://images.example.com/a.png'],
				taskId: 'grok-image-task-1',
			},
			/Image URLs .* cannot be sent here: Grok Imagine takes either Image URLs or Task ID/,
		],
		[
			'too many reference images',
			{
				videoModel: 'bytedance/seedance-2',
				prompt: 'A dance',
				imageUrls: Array.from({ length: 10 }, (_, i) => `https://images.example.com/${i}.png`),
			},
			/Seedance 2 accepts at most 9 input images, got 10: \["https:\/\/images\.example\.com\/0\.png"/,
		],
	])('%s', async (_name, parameters, message) => {
		const result = await runKie(
			sim,
			{ resource: 'video', operation: 'generate', options: FAST_POLL, ...parameters },
			v2(),
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(requestCount()).toBe(0);
	});

	it('a binary of the wrong kind for its field is refused before any upload', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'audio',
				operation: 'transcribe',
				audioModel: 'elevenlabs/speech-to-text',
				audioUrlBinary: 'picture',
			},
			v2(withBinaries({ picture: binaryOf(photo, 'image/png', 'picture.png') })),
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/Binary property "picture" \(picture\.png\) is image\/png/,
		);
		expect(result.error?.description).toContain(
			'Check the "Audio URL (Binary Properties)" parameter',
		);
		expect(requestCount()).toBe(0);
	});
});

describe('Options → Split Results and Task → Get from the incoming item', () => {
	it('emits one item per result file, each with its own data binary', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'audio',
				operation: 'generate',
				audioModel: 'V5',
				prompt: 'A calm piano track',
				options: { ...FAST_POLL, splitResults: true },
			},
			v2(),
		);
		const items = kieOutput(result);
		expect(items.length).toBeGreaterThanOrEqual(2);
		for (const item of items) {
			expect(Object.keys(item.binary ?? {})).toEqual(['data']);
			expect(item.binary?.data.mimeType).toBe('audio/mpeg');
		}
		expect(new Set(items.map((item) => item.binary?.data.fileName)).size).toBe(items.length);
	});

	it('Task → Get reads taskId and api from the item by default', async () => {
		const taskId = await createTaskDirectly(sim, {
			model: 'nano-banana-pro',
			input: { prompt: 'A lighthouse' },
		});
		const result = await runKie(
			sim,
			{ resource: 'task', operation: 'get', waitForCompletion: true, options: FAST_POLL },
			v2({ items: [{ json: { taskId, api: 'market' } }] }),
		);
		const [item] = kieOutput(result);
		expect(item.json).toMatchObject({ taskId, api: 'market', state: 'success' });
	});
});

describe('version 1 saved workflows run unchanged', () => {
	it('runs a 0.2 image workflow with its shared `model` parameter', async () => {
		const result = await runKie(sim, {
			resource: 'image',
			operation: 'generate',
			model: 'nano-banana-pro',
			prompt: 'A lighthouse at dawn',
			aspectRatio: '16:9',
			options: FAST_POLL,
		});
		expect(kieOutput(result)[0].json.state).toBe('success');
		expect(bodyOf()).toMatchObject({
			model: 'nano-banana-pro',
			input: { prompt: 'A lighthouse at dawn', aspect_ratio: '16:9' },
		});
	});
});

describe('Video → Extend and Upscale: Veo 3.1 beside the jobs-API models', () => {
	it("extends a Veo video and gets its 1080p version through the video picker's Veo entry", async () => {
		const [generated] = kieOutput(
			await runKie(
				sim,
				{
					resource: 'video',
					operation: 'generate',
					videoModel: 'veo3_fast',
					prompt: 'A dog runs on the beach',
					options: FAST_POLL,
				},
				v2(),
			),
		);
		expect(generated.json).toMatchObject({ api: 'veo', state: 'success' });
		const taskId = generated.json.taskId as string;

		const [extended] = kieOutput(
			await runKie(
				sim,
				{
					resource: 'video',
					operation: 'extend',
					videoModel: 'veo',
					taskId,
					prompt: 'It runs on',
					extendModel: 'quality',
					options: FAST_POLL,
				},
				v2(),
			),
		);
		expect(extended.json).toMatchObject({ api: 'veo', state: 'success' });
		expect(sim.record.requests.find((entry) => entry.endpoint === 'veoExtend')?.body).toEqual({
			taskId,
			prompt: 'It runs on',
			model: 'quality',
		});

		const [hd] = kieOutput(
			await runKie(
				sim,
				{
					resource: 'video',
					operation: 'upscale',
					videoModel: 'veo',
					taskId,
					resolution: '1080p',
					options: FAST_POLL,
				},
				v2(),
			),
		);
		expect(hd.json).toMatchObject({ taskId, api: 'veo', state: 'success', resolution: '1080p' });
		expect(hd.binary?.data?.mimeType).toBe('video/mp4');
	});

	it('makes a 1080p Veo video with aspect ratio Auto from an image binary, then its 4K version', async () => {
		const [generated] = kieOutput(
			await runKie(
				sim,
				{
					resource: 'video',
					operation: 'generate',
					videoModel: 'veo3_fast',
					prompt: 'The product turns slowly on a table',
					aspectRatio: 'Auto',
					resolution: '1080p',
					binaryProperties: 'photo',
					options: FAST_POLL,
				},
				v2(withBinaries({ photo: binaryOf(photo, 'image/png', 'photo.png') })),
			),
		);
		const body = sim.record.requests.find((entry) => entry.endpoint === 'veoGenerate')
			?.body as Record<string, unknown>;
		expect(body).toMatchObject({
			model: 'veo3_fast',
			aspect_ratio: 'Auto',
			resolution: '1080p',
			generationType: 'FIRST_AND_LAST_FRAMES_2_VIDEO',
		});
		expect(streamUploads(sim)[0].files[0].sha256).toBe(sha256(photo));
		expect(generated.json).toMatchObject({ api: 'veo', state: 'success', resolution: '1080p' });
		expect(generated.binary?.data?.mimeType).toBe('video/mp4');

		const [fourK] = kieOutput(
			await runKie(
				sim,
				{
					resource: 'video',
					operation: 'upscale',
					videoModel: 'veo',
					taskId: String(generated.json.taskId),
					resolution: '4k',
					options: FAST_POLL,
				},
				v2(),
			),
		);
		expect(sim.record.requests.find((entry) => entry.endpoint === 'veo4k')?.body).toMatchObject({
			taskId: generated.json.taskId,
		});
		expect(fourK.json).toMatchObject({ api: 'veo', state: 'success', resolution: '4k' });
		expect(fourK.binary?.data?.mimeType).toBe('video/mp4');
	});

	it('upscales a video by URL with Topaz (a jobs-API upscale model)', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'video',
				operation: 'upscale',
				videoModel: 'topaz/video-upscale',
				videoUrl: 'https://files.example.com/clip.mp4',
				options: FAST_POLL,
			},
			v2(),
		);
		expect(kieOutput(result)[0].json.state).toBe('success');
		expect(bodyOf()).toMatchObject({
			model: 'topaz/video-upscale',
			input: { video_url: 'https://files.example.com/clip.mp4' },
		});
	});
});
