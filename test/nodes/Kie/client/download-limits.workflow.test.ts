/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Result downloads through n8n's engine (n8n-core 2.x, filesystem binary mode): every file is
 * streamed into the binary store, its type decided by the response, within a size cap and an
 * overall deadline per file; a file that breaks a limit keeps its URL and the item its taskId.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { kieCredentials, runWorkflow } from '../../../harness';
import type { BinaryDataMode } from '../../../harness/engine';
import { startSimulator, type KieSimulator } from '../../../simulator';
import { until } from '../../../simulator/test-helpers';
import { kieWorkflow } from '../../../helpers/workflow';

const MB = 1024 * 1024;

let sim: KieSimulator;
beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200, createLimit: { max: 1000, windowMs: 1000 } });
});
afterEach(() => {
	sim.reset();
	sim.configure({ resultFileBytes: 0, fileContentType: 'exact', resultUrlExtensions: true });
});
afterAll(async () => await sim.stop());

/** TCP connections open in this process (the simulator's side of them included). */
const openSockets = () =>
	process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;

const fileRequests = () => sim.record.requests.filter((request) => request.endpoint === 'file');

async function generate(
	parameters: INodeParameters,
	binaryDataMode: BinaryDataMode = 'filesystem',
): Promise<{ item: INodeExecutionData; bytes: () => Promise<Buffer> }> {
	const result = await runWorkflow(
		kieWorkflow(
			{
				resource: 'image',
				operation: 'generate',
				model: 'nano-banana-pro',
				prompt: 'a download',
				...parameters,
				options: { pollInterval: 0.2, ...(parameters.options as object) },
			},
			{ continueOnFail: true },
		),
		{
			credentials: { kieApi: kieCredentials(sim, { maxNewTasks: 1000, maxNewTasksWindow: 1 }) },
			binaryDataMode,
		},
	);
	expect(result.status).toBe('success');
	const [item] = result.outputOf('Kie');
	return { item, bytes: async () => await result.binaryBuffer(item) };
}

function resultUrl(item: INodeExecutionData): string {
	return (item.json.resultUrls as string[])[0];
}

describe('a result file is streamed into the binary store', () => {
	it.each<BinaryDataMode>(['filesystem', 'default'])(
		'whole, byte for byte, in %s mode (a 3 MB file)',
		async (mode) => {
			sim.configure({ resultFileBytes: 3 * MB });

			const { item, bytes } = await generate({}, mode);

			const stored = await bytes();
			expect(item.json.downloadErrors).toBeUndefined();
			expect(stored.length).toBe(3 * MB);
			expect(stored.subarray(1, 4).toString('latin1')).toBe('PNG');
			expect(item.binary?.data).toMatchObject({
				mimeType: 'image/png',
				fileName: `${item.json.taskId as string}_0.png`,
				fileExtension: 'png',
			});
		},
	);

	it('typed by its bytes when the server says only application/octet-stream, whatever the URL', async () => {
		sim.configure({ fileContentType: 'application/octet-stream', resultUrlExtensions: false });

		const { item } = await generate({});

		expect(resultUrl(item)).not.toMatch(/\.png$/);
		expect(item.binary?.data).toMatchObject({
			mimeType: 'image/png',
			fileName: `${item.json.taskId as string}_0.png`,
		});
	});
});

describe('Max Download Size', () => {
	it('refuses a file whose Content-Length is over it, without retrying; the item keeps taskId and URL', async () => {
		sim.configure({ resultFileBytes: 3 * MB });
		const socketsBefore = openSockets();

		const { item } = await generate({ options: { maxDownloadMb: 1 } });

		expect(item.json.state).toBe('success');
		expect(item.json.taskId).toEqual(expect.any(String));
		expect(item.binary).toBeUndefined();
		expect(item.json.downloadErrors).toEqual([
			`${resultUrl(item)}: The file is 3 MB, over the download limit of 1 MB (Max Download Size): it was not stored`,
		]);
		expect(fileRequests()).toHaveLength(1);
		// Refused unread, its connection is ended, not left open in n8n's process (paused, it
		// would never read the server's close).
		await until(() => openSockets() <= socketsBefore);
	});

	it('stops a file sent without Content-Length once more than the cap has arrived', async () => {
		sim.configure({ resultFileBytes: 3 * MB });
		sim.injectFault({ endpoint: 'file', kind: 'chunked' });

		const { item } = await generate({ options: { maxDownloadMb: 1 } });

		expect(fileRequests()[0].fault).toBe('chunked');
		expect(item.binary).toBeUndefined();
		expect(item.json.downloadErrors).toEqual([
			`${resultUrl(item)}: The file is larger than the download limit of 1 MB (Max Download Size): it was not stored`,
		]);
		expect(fileRequests()).toHaveLength(1);
	});
});

describe('Download Timeout', () => {
	it('ends a download that trickles past it; the item keeps taskId and URL', async () => {
		// 100+ bytes at one per 300 ms would take half a minute; the socket never idles 60 s.
		sim.injectFault({ endpoint: 'file', kind: 'drip', delayMs: 300 });

		const { item } = await generate({ options: { downloadTimeout: 1 } });

		expect(item.json.state).toBe('success');
		expect(item.json.taskId).toEqual(expect.any(String));
		expect(item.binary).toBeUndefined();
		expect(item.json.downloadErrors).toEqual([
			`${resultUrl(item)}: The file was not downloaded within 1 s (Download Timeout): it was not stored`,
		]);
		expect(fileRequests()).toHaveLength(1);
	});
});
