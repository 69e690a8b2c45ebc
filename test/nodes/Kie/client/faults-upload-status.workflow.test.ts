/**
 * The upload host's refusals with real HTTP statuses (its pages list 400, 401, 405 and 500 as
 * statuses, with {success:false, code, msg} bodies), through n8n's engine: what the node says
 * for each, and that only a 500 is asked again (counted from the simulator's record).
 */
import { makePng, startSimulator } from '../../../simulator';
import type { FaultKind, KieSimulator } from '../../../simulator';
import { binaryOf, kieOutput, runKie } from '../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ uploadErrorStatus: 'http' });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const PNG = makePng('upload status input', 8);
const binaryItems = [{ json: {}, binary: { data: binaryOf(PNG, 'image/png', 'in.png') } }];
const uploadBinary = { resource: 'file', operation: 'upload', source: 'binary' };

const uploadRequests = () =>
	sim.record.requests.filter((request) => request.endpoint === 'streamUpload');

describe.each<[FaultKind, number, string, number]>([
	[
		'http400',
		400,
		'Kie.ai rejected the request as invalid (code 400): Missing required parameter: uploadPath',
		1,
	],
	[
		'http401',
		401,
		'Kie.ai rejected the API key: check the Kie.ai API credential (https://kie.ai/api-key) (code 401): Authentication failed: Invalid API Key',
		1,
	],
	[
		'http405',
		405,
		'Kie.ai does not accept this request method here (code 405): Method Not Allowed',
		1,
	],
	// Retried as the upload pages advise for a 500; five attempts, then given up.
	['http500', 500, 'Kie.ai had an internal error (code 500): Internal Server Error', 5],
])('a stream upload answered %s', (kind, status, message, attempts) => {
	it(`fails the item with Kie’s words after ${attempts} attempt(s)`, async () => {
		sim.injectFault({ endpoint: 'streamUpload', kind });

		const result = await runKie(sim, uploadBinary, { items: binaryItems, continueOnFail: true });

		const [item] = kieOutput(result);
		expect(item.json.error).toBe(message);
		expect(uploadRequests().map((request) => request.status)).toEqual(
			Array.from({ length: attempts }, () => status),
		);
		expect(sim.record.count('file')).toBe(0);
	});
});

it('a 500 once: asked again, the file is stored once', async () => {
	sim.injectFault({ endpoint: 'streamUpload', kind: 'http500', times: 1 });

	const [item] = kieOutput(await runKie(sim, uploadBinary, { items: binaryItems }));

	expect(item.json).toMatchObject({ fileName: 'in.png', fileSize: PNG.length });
	expect(uploadRequests().map((request) => request.status)).toEqual([500, 200]);
});

describe('the simulator’s own refusals as HTTP statuses', () => {
	it('a URL Kie cannot fetch: HTTP 400, its words, not asked again', async () => {
		const result = await runKie(
			sim,
			{ resource: 'file', operation: 'upload', source: 'url', fileUrl: 'http://127.0.0.1:9/a.png' },
			{ continueOnFail: true },
		);

		const [item] = kieOutput(result);
		expect(item.json.error).toBe(
			'Kie.ai rejected the request as invalid (code 400): File download failed: connect connection refused 127.0.0.1:9',
		);
		const requests = sim.record.requests.filter((request) => request.endpoint === 'urlUpload');
		expect(requests.map((request) => [request.status, request.bodyCode])).toEqual([[400, 400]]);
	});

	it('a key the upload host refuses: HTTP 401, not asked again, and no task created', async () => {
		const result = await runKie(
			sim,
			{
				resource: 'image',
				operation: 'edit',
				model: 'nano-banana-pro',
				prompt: 'make it blue',
				binaryProperties: 'data',
			},
			{ items: binaryItems, credential: { apiKey: 'not-a-key' } },
		);

		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Kie\.ai rejected the API key.*\(code 401\)/);
		expect(uploadRequests().map((request) => request.status)).toEqual([401]);
		expect(sim.record.count('createTask')).toBe(0);
	});
});
