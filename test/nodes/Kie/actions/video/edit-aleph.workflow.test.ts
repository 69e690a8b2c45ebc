/**
 * Video → Edit with Runway Aleph (version 2), through n8n's engine against the simulator: the
 * clip from a binary or a URL, the page's fields as sent to /api/v1/aleph/generate, the restyled
 * video as video/mp4, a failure with taskId, api, code and message, bad input refused with no
 * request at all.
 */
import { makeMp4 } from '../../../../simulator/video';
import { makePng, startSimulator } from '../../../../simulator';
import type { KieSimulator } from '../../../../simulator';
import {
	binaryOf,
	FAST_POLL,
	fetchBytes,
	kieOutput,
	runKie,
	sha256,
	streamUploads,
	type KieRunOptions,
} from '../../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const clip = makeMp4('my-clip');
const style = makePng('style-frame', 16);

const v2 = (binary: Record<string, ReturnType<typeof binaryOf>> = {}): KieRunOptions => ({
	typeVersion: 2,
	items: [{ json: {}, binary }],
});

const aleph = (parameters: Record<string, unknown>) => ({
	resource: 'video',
	operation: 'edit',
	videoModel: 'runway-aleph',
	prompt: 'Turn the street into a watercolour painting',
	options: FAST_POLL,
	...parameters,
});

const alephBodies = () =>
	sim.record.requests
		.filter((entry) => entry.endpoint === 'alephGenerate')
		.map((entry) => entry.body as Record<string, unknown>);

describe('Runway Aleph as Video → Edit', () => {
	it('restyles an uploaded clip: the upload’s URL as videoUrl, the page’s fields, the result as video/mp4', async () => {
		const result = await runKie(
			sim,
			aleph({ videoUrlBinary: 'clip', aspectRatio: '9:16', seed: 42, waterMark: 'mine' }),
			v2({ clip: binaryOf(clip, 'video/mp4', 'clip.mp4') }),
		);
		expect(result.error).toBeUndefined();

		const [upload] = streamUploads(sim);
		expect(upload.files[0].sha256).toBe(sha256(clip));
		const [body] = alephBodies();
		expect(body).toEqual({
			prompt: 'Turn the street into a watercolour painting',
			videoUrl: expect.stringMatching(/^https?:\/\//),
			aspectRatio: '9:16',
			seed: 42,
			uploadCn: false,
			waterMark: 'mine',
		});
		// The clip the simulator was told to restyle is the one uploaded.
		expect((await fetchBytes(body.videoUrl as string)).bytes.equals(clip)).toBe(true);

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(item.json).toMatchObject({
			api: 'aleph',
			model: 'runway-aleph',
			state: 'success',
			imageUrl: expect.stringMatching(/aleph\.png$/),
		});
		const [videoUrl] = item.json.resultUrls as string[];
		expect(videoUrl).toMatch(/aleph\.mp4$/);
		expect(item.binary?.data).toMatchObject({ mimeType: 'video/mp4', fileName: `${taskId}_0.mp4` });
		const bytes = await result.binaryBuffer(item, 'data');
		expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
		expect(bytes.equals((await fetchBytes(videoUrl)).bytes)).toBe(true);
	});

	it('takes the clip from a URL and the reference image from a binary; the user’s callback URL is sent', async () => {
		const result = await runKie(
			sim,
			aleph({
				videoUrl: 'https://videos.example.com/street.mp4',
				referenceImageBinary: 'look',
				options: { ...FAST_POLL, callbackUrl: 'https://hooks.example.com/kie' },
			}),
			v2({ look: binaryOf(style, 'image/png', 'look.png') }),
		);
		expect(result.error).toBeUndefined();
		const [body] = alephBodies();
		expect(body.videoUrl).toBe('https://videos.example.com/street.mp4');
		expect(body.callBackUrl).toBe('https://hooks.example.com/kie');
		expect((await fetchBytes(body.referenceImage as string)).bytes.equals(style)).toBe(true);
		expect(body).not.toHaveProperty('model');
		expect(kieOutput(result)[0].json.state).toBe('success');
	});

	it('a moderated prompt fails the item with taskId, api, code and message (Continue On Fail)', async () => {
		const result = await runKie(
			sim,
			aleph({ prompt: 'a [fail] clip', videoUrl: 'https://videos.example.com/street.mp4' }),
			{ ...v2(), continueOnFail: true },
		);
		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		expect(taskId).toEqual(expect.any(String));
		expect(item.json).toMatchObject({ api: 'aleph', state: 'fail', failCode: '400' });
		expect(String(item.json.failMsg)).toMatch(/moderator/);
		expect(String(item.json.error)).toContain(taskId);
		expect(item.binary).toBeUndefined();
	});

	it.each([
		['no clip at all', {}, 'Video URL is empty'],
		[
			'a clip that is no URL',
			{ videoUrl: 'street.mp4' },
			'Video URL "street.mp4" is not an absolute http(s) URL',
		],
		[
			'an aspect ratio Aleph does not make',
			{ videoUrl: 'https://v.example.com/a.mp4', aspectRatio: '2:1' },
			'2:1',
		],
		['a binary that is not a video', { videoUrlBinary: 'look' }, 'image/png'],
	])('refuses %s before any request', async (_case, parameters, named) => {
		const result = await runKie(sim, aleph(parameters), {
			...v2({ look: binaryOf(style, 'image/png', 'look.png') }),
			continueOnFail: true,
		});
		const [item] = kieOutput(result);
		expect(String(item.json.error)).toContain(named);
		expect(sim.record.requests).toHaveLength(0);
	});
});
