/**
 * Result files whose server says nothing useful about their type (no Content-Type, or
 * application/octet-stream, binary/octet-stream, as CDNs often answer), through n8n's engine:
 * the node still names each binary by its bytes (images, audio) or, for a streamed video, by its
 * URL's extension, and gives it the right MIME type and file name.
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator } from '../../simulator';
import type { KieSimulator, SimulatorOptions } from '../../simulator';
import { FAST_POLL, fetchBytes, kieOutput, runKie } from '../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const image = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: 'A paper boat',
	options: { ...FAST_POLL },
	...extra,
});

interface Case {
	parameters: INodeParameters;
	simulator?: Partial<SimulatorOptions>;
	mimeType: string;
	extension: string;
	/** The URL's ending: what the fallback could read (none when the URL has no extension). */
	urlEnding: RegExp;
}

const CASES: Array<[string, Case]> = [
	[
		'a PNG image',
		{
			parameters: image(),
			mimeType: 'image/png',
			extension: 'png',
			urlEnding: /_0\.png$/,
		},
	],
	[
		'a JPEG image',
		{
			parameters: image({ outputFormat: 'jpg' }),
			mimeType: 'image/jpeg',
			extension: 'jpg',
			urlEnding: /_0\.jpg$/,
		},
	],
	[
		'a PNG image at a URL without extension (only the bytes tell)',
		{
			parameters: image(),
			simulator: { resultUrlExtensions: false },
			mimeType: 'image/png',
			extension: 'png',
			urlEnding: /_0$/,
		},
	],
	[
		'an MP3 of a jobs-API speech model',
		{
			parameters: {
				resource: 'audio',
				operation: 'generate',
				model: 'elevenlabs/text-to-speech-turbo-2-5',
				prompt: 'Good morning!',
				voice: 'pNInz6obpgDQGcFmaJgB',
				options: { ...FAST_POLL },
			},
			mimeType: 'audio/mpeg',
			extension: 'mp3',
			urlEnding: /_0\.mp3$/,
		},
	],
	[
		'a streamed MP4 of a jobs-API video model (only the URL tells)',
		{
			parameters: {
				resource: 'video',
				operation: 'generate',
				model: 'kling-2.6/text-to-video',
				prompt: 'A corgi surfs a wave at sunset',
				aspectRatio: '16:9',
				options: { ...FAST_POLL },
			},
			mimeType: 'video/mp4',
			extension: 'mp4',
			urlEnding: /_0\.mp4$/,
		},
	],
];

describe.each<NonNullable<SimulatorOptions['fileContentType']>>([
	'none',
	'application/octet-stream',
	'binary/octet-stream',
])('result files served with Content-Type %s', (contentType) => {
	it.each(CASES)('%s gets its MIME type, extension and file name', async (_label, testCase) => {
		sim.configure({ fileContentType: contentType, ...testCase.simulator });

		const result = await runKie(sim, testCase.parameters);

		const [item] = kieOutput(result);
		const taskId = item.json.taskId as string;
		const [url] = item.json.resultUrls as string[];
		expect(url).toMatch(testCase.urlEnding);
		// What the node received said nothing about the type.
		const served = await fetchBytes(url);
		expect(served.status).toBe(200);
		expect(served.contentType).toBe(contentType === 'none' ? undefined : contentType);

		expect(item.binary?.data).toMatchObject({
			mimeType: testCase.mimeType,
			fileExtension: testCase.extension,
			fileName: `${taskId}_0.${testCase.extension}`,
		});
		const bytes = await result.binaryBuffer(item);
		expect(bytes.equals(served.bytes)).toBe(true);
	});
});
