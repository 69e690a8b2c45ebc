/**
 * Seedance 2's three input modes (its page's note): first frame, first and last frames, or
 * multimodal references (images, videos, audio) — never frames and references together. Through
 * n8n's engine: a mix is refused naming both fields with zero requests (no upload, no create);
 * each mode alone still runs.
 */
import { makeMp3 } from '../../../simulator/audio';
import { makePng, startSimulator, TINY_JPEG } from '../../../simulator';
import type { KieSimulator } from '../../../simulator';
import {
	binaryOf,
	createBodies,
	FAST_POLL,
	kieOutput,
	runKie,
	streamUploads,
} from '../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const URL_A = 'https://images.example.com/a.png';
const URL_B = 'https://images.example.com/b.png';
const CLIP = 'https://videos.example.com/clip.mp4';
const SONG = 'https://audio.example.com/song.mp3';

const binaries = {
	items: [
		{
			json: {},
			binary: {
				frame: binaryOf(TINY_JPEG, 'image/jpeg', 'frame.jpg'),
				ref: binaryOf(makePng('seedance-modes-ref', 320), 'image/png', 'ref.png'),
				song: binaryOf(makeMp3('seedance-modes-song'), 'audio/mpeg', 'song.mp3'),
			},
		},
	],
	typeVersion: 2,
};

const seedance = (model: string, fields: Record<string, unknown>) => ({
	resource: 'video',
	operation: 'generate',
	videoModel: model,
	prompt: 'The dancer spins to the music',
	options: FAST_POLL,
	...fields,
});

describe.each(['bytedance/seedance-2', 'bytedance/seedance-2-fast'])('%s input modes', (model) => {
	it.each([
		[
			'first frame URL + reference image URL',
			{ firstFrameUrl: URL_A, imageUrls: [URL_B] },
			/First Frame/i,
			/Reference Image|Image URLs/i,
		],
		[
			'last frame URL + reference video URL',
			{ lastFrameUrl: URL_A, referenceVideoUrls: [CLIP] },
			/Last Frame/i,
			/Reference Video/i,
		],
		[
			'first frame binary + reference audio binary',
			{ firstFrameUrlBinary: 'frame', referenceAudioUrlsBinary: 'song' },
			/First Frame/i,
			/Reference Audio/i,
		],
		[
			'first and last frames + reference image binary',
			{ firstFrameUrl: URL_A, lastFrameUrl: URL_B, binaryProperties: 'ref' },
			/First Frame/i,
			/Reference Image|Image URLs|Binary/i,
		],
	])('refuses %s before any request', async (_name, fields, frame, reference) => {
		const result = await runKie(sim, seedance(model, fields), binaries);
		expect(result.status).toBe('error');
		const message = result.error?.message ?? '';
		expect(message).toMatch(frame);
		expect(message).toMatch(reference);
		expect(message).toMatch(/not both/);
		expect(sim.record.requests).toHaveLength(0);
	});

	it.each([
		['text only', {}, []],
		['first frame (a binary)', { firstFrameUrlBinary: 'frame' }, ['first_frame_url']],
		[
			'first and last frames',
			{ firstFrameUrl: URL_A, lastFrameUrl: URL_B },
			['first_frame_url', 'last_frame_url'],
		],
		[
			'references: images (binary and URL), video and audio',
			{
				binaryProperties: 'ref',
				imageUrls: [URL_B],
				referenceVideoUrls: [CLIP],
				referenceAudioUrls: [SONG],
			},
			['reference_image_urls', 'reference_video_urls', 'reference_audio_urls'],
		],
	])('runs %s', async (_name, fields, sent) => {
		const [item] = kieOutput(await runKie(sim, seedance(model, fields), binaries));
		expect(item.json.state).toBe('success');
		const [body] = createBodies(sim);
		const media = Object.keys(body.input).filter((key) => /_urls?$/.test(key));
		expect(media.sort()).toEqual([...sent].sort());
		expect(streamUploads(sim)).toHaveLength(
			Object.keys(fields).filter((key) => key.endsWith('Binary') || key === 'binaryProperties')
				.length,
		);
	});
});
