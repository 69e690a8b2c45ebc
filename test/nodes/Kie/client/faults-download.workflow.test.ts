/**
 * Faults on file transfers through n8n's engine. Result downloads are retried, and a result that
 * cannot be downloaded keeps its URL in the item, which says why, and the item is not an error.
 * Uploads (free, idempotent by file name) are retried too.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import type { WorkflowRunResult } from '../../../harness';
import { makePng, startSimulator } from '../../../simulator';
import type { FaultKind, KieSimulator } from '../../../simulator';
import { kieWorkflow, recordMatrixRow } from '../../../helpers/workflow';

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300, createLimit: { max: 1000, windowMs: 1000 } });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

async function runBatch(
	size: number,
	tag: string,
): Promise<{ result: WorkflowRunResult; output: INodeExecutionData[] }> {
	const result = await runWorkflow(
		kieWorkflow(
			{
				resource: 'image',
				operation: 'generate',
				model: 'nano-banana-pro',
				prompt: '={{ $json.prompt }}',
				options: { pollInterval: 0.2 },
			},
			{
				items: Array.from({ length: size }, (_, index) => ({
					json: { prompt: `${tag} ${index}` },
				})),
				continueOnFail: true,
			},
		),
		{ credentials: { kieApi: kieCredentials(sim, { maxNewTasks: 1000, maxNewTasksWindow: 1 }) } },
	);
	expect(result.status).toBe('success');
	return { result, output: result.outputOf('Kie') };
}

const fileRequests = () => sim.record.requests.filter((request) => request.endpoint === 'file');

it.each<FaultKind>(['http500', 'http503', 'reset'])(
	'%s on 30 %% of the downloads: every result arrives as binary',
	async (kind) => {
		sim.injectFault({ endpoint: 'file', kind, probability: 0.3 });

		const { result, output } = await runBatch(10, `download ${kind}`);

		for (const item of output) {
			expect(item.json.state).toBe('success');
			expect(item.json.downloadErrors).toBeUndefined();
			expect(item.binary?.data.fileName).toBe(`${item.json.taskId as string}_0.png`);
			expect((await result.binaryBuffer(item)).subarray(1, 4).toString('latin1')).toBe('PNG');
		}
		const faulted = fileRequests().filter((request) => request.fault === kind);
		recordMatrixRow({
			path: 'download',
			fault: kind,
			probability: 0.3,
			items: 10,
			fileRequests: fileRequests().length,
			faultedFileRequests: faulted.length,
			withBinary: output.filter((item) => item.binary?.data).length,
			withDownloadErrors: output.filter((item) => item.json.downloadErrors).length,
		});
		expect(faulted.length).toBeGreaterThan(0);
		expect(fileRequests()).toHaveLength(10 + faulted.length);
		// Result files live on Kie's CDN: they never receive the API key.
		expect(fileRequests().every((request) => request.headers.authorization === undefined)).toBe(
			true,
		);
	},
);

it('a result that stays undownloadable keeps its URL, and the item says so', async () => {
	sim.injectFault({ endpoint: 'file', kind: 'http500', times: 1000 });

	const { output } = await runBatch(2, 'undownloadable');
	recordMatrixRow({
		path: 'download',
		fault: 'http500 on every file request',
		items: 2,
		fileRequests: fileRequests().length,
		succeeded: output.filter((item) => item.json.state === 'success').length,
		withBinary: output.filter((item) => item.binary?.data).length,
		withDownloadErrors: output.filter((item) => item.json.downloadErrors).length,
	});

	for (const item of output) {
		const task = sim.record.tasks.get(item.json.taskId as string)!;
		expect(item.json.state).toBe('success');
		expect(item.json.error).toBeUndefined();
		expect(item.json.resultUrls).toEqual(task.resultUrls);
		expect(item.json.downloadErrors).toEqual([
			`${task.resultUrls[0]}: Downloading the result failed with HTTP 500`,
		]);
		expect(item.binary).toBeUndefined();
		// Tried five times, then given up.
		expect(
			fileRequests().filter((request) => task.resultUrls.includes(sim.baseUrl + request.path)),
		).toHaveLength(5);
	}
});

describe('uploads', () => {
	const PNG = makePng('upload fault input', 8);
	const items = [
		{
			json: {},
			binary: {
				data: { base64: PNG.toString('base64'), mimeType: 'image/png', fileName: 'in.png' },
			},
		},
	];
	const uploads = () =>
		sim.record.requests.filter((request) => request.endpoint === 'streamUpload');

	async function run(parameters: INodeParameters) {
		const result = await runWorkflow(kieWorkflow(parameters, { items, continueOnFail: true }), {
			credentials: { kieApi: kieCredentials(sim, { maxNewTasks: 1000, maxNewTasksWindow: 1 }) },
		});
		expect(result.status).toBe('success');
		return result.outputOf('Kie');
	}

	it.each<FaultKind>(['http500', 'reset', 'body455', 'body500'])(
		'%s twice on a file upload: retried, uploaded once',
		async (kind) => {
			sim.injectFault({ endpoint: 'streamUpload', kind, times: 2 });

			const [item] = await run({ resource: 'file', operation: 'upload', source: 'binary' });

			recordMatrixRow({
				path: 'upload',
				fault: `${kind} ×2`,
				items: 1,
				uploadRequests: uploads().length,
				succeeded: item.json.error ? 0 : 1,
			});
			expect(item.json.error).toBeUndefined();
			expect(uploads()).toHaveLength(3);
			const stored = uploads()[2].body as { files: Array<{ size: number }> };
			expect(stored.files[0].size).toBe(PNG.length);
			expect(item.json).toMatchObject({
				fileName: 'in.png',
				mimeType: 'image/png',
				fileSize: PNG.length,
			});
		},
	);

	it('an edit whose input upload failed once uploads again, then creates one task', async () => {
		sim.injectFault({ endpoint: 'streamUpload', kind: 'http503', times: 1 });

		const [item] = await run({
			resource: 'image',
			operation: 'edit',
			model: 'nano-banana-pro',
			prompt: 'make it blue',
			binaryProperties: 'data',
			options: { pollInterval: 0.2 },
		});

		expect(item.json.state).toBe('success');
		expect(uploads()).toHaveLength(2);
		expect(sim.record.count('createTask')).toBe(1);
		expect(sim.record.createdTaskCount()).toBe(1);
	});

	it("a file Kie cannot fetch is reported in Kie's words, not as n8n's own connection failing", async () => {
		const [item] = await run({
			resource: 'file',
			operation: 'upload',
			source: 'url',
			fileUrl: 'http://127.0.0.1:9/missing.png',
		});

		expect(item.json.error).toBe(
			'Kie.ai rejected the request as invalid (code 400): File download failed: connect connection refused 127.0.0.1:9',
		);
		expect(sim.record.count('urlUpload')).toBe(1);
	});
});
