import { kieCredentials, runWorkflow } from './';
import type { FixtureItem, WorkflowJson } from './';
import { makePng, startSimulator } from '../simulator';
import type { KieSimulator } from '../simulator';

const TRIGGER = "When clicking 'Execute workflow'";
const kieAccount = { kieApi: { id: 'kie-1', name: 'Kie account' } };

function triggerThen(node: WorkflowJson['nodes'][number]): WorkflowJson {
	return {
		nodes: [
			{
				id: 'trigger',
				name: TRIGGER,
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			node,
		],
		connections: { [TRIGGER]: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

const probeNode = {
	id: 'probe',
	name: 'Kie Probe',
	type: 'test.kieProbe',
	typeVersion: 1,
	position: [200, 0] as [number, number],
	parameters: {},
	credentials: kieAccount,
};

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ credits: 4321 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

describe('the kieApi credential through the engine', () => {
	it('authenticates a request with the Bearer key and returns what Kie answered', async () => {
		const result = await runWorkflow(triggerThen(probeNode), {
			credentials: { kieApi: kieCredentials(sim) },
		});

		expect(result.status).toBe('success');
		expect(result.executedNodes).toEqual([TRIGGER, 'Kie Probe']);
		expect(result.outputOf('Kie Probe').map((item) => item.json)).toEqual([
			{ code: 200, msg: 'success', data: 4321 },
		]);
		const requests = sim.record.requests.filter((request) => request.endpoint === 'credit');
		expect(requests).toHaveLength(1);
		expect(requests[0].headers.authorization).toBe('Bearer sim-key');
	});

	it('accepts a base URL with a trailing slash', async () => {
		const result = await runWorkflow(triggerThen(probeNode), {
			credentials: { kieApi: kieCredentials(sim, { baseUrl: `${sim.baseUrl}/` }) },
		});

		expect(result.outputOf('Kie Probe')[0].json.data).toBe(4321);
		expect(sim.record.count('credit')).toBe(1);
	});

	it('stops the workflow with the node named when the credential does not exist', async () => {
		const result = await runWorkflow(triggerThen(probeNode), { credentials: {} });

		expect(result.status).toBe('error');
		expect(result.error?.nodeName).toBe('Kie Probe');
		expect(result.error?.message).toContain('does not exist for type "kieApi"');
		expect(() => result.outputOf('Kie Probe')).toThrow(/Kie Probe" failed/);
		expect(sim.record.requests).toHaveLength(0);
	});

	it('honours onError "continueRegularOutput" from the node JSON', async () => {
		const workflow = triggerThen({ ...probeNode, onError: 'continueRegularOutput' });
		workflow.nodes.push({
			id: 'after',
			name: 'After',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [400, 0],
			parameters: {},
		});
		workflow.connections['Kie Probe'] = { main: [[{ node: 'After', type: 'main', index: 0 }]] };

		const result = await runWorkflow(workflow, { credentials: {} });

		expect(result.status).toBe('success');
		expect(result.error).toBeUndefined();
		expect(result.nodeError('Kie Probe')?.message).toContain('does not exist for type "kieApi"');
		// The engine passes the failed node's input on when the error escapes execute().
		expect(result.outputOf('After')).toHaveLength(1);
		expect(result.executedNodes).toEqual([TRIGGER, 'Kie Probe', 'After']);
	});

	it('cancels a running request when the execution is stopped', async () => {
		sim.injectFault({ endpoint: 'credit', kind: 'slow', delayMs: 5000 });
		const startedAt = Date.now();

		const result = await runWorkflow(triggerThen(probeNode), {
			credentials: { kieApi: kieCredentials(sim) },
			cancelAfterMs: 200,
		});

		expect(result.status).toBe('canceled');
		expect(result.timedOut).toBe(false);
		expect(Date.now() - startedAt).toBeLessThan(4000);
		expect(sim.record.count('credit')).toBe(1);
	});

	it('ends a run that exceeds its timeout with a timeout error', async () => {
		sim.injectFault({ endpoint: 'credit', kind: 'slow', delayMs: 5000 });

		const result = await runWorkflow(triggerThen(probeNode), {
			credentials: { kieApi: kieCredentials(sim) },
			timeoutMs: 200,
		});

		expect(result.status).toBe('canceled');
		expect(result.timedOut).toBe(true);
		expect(sim.record.count('credit')).toBe(1);
	});
});

describe('test.fixtureItems', () => {
	const png = makePng('fixture', 16);
	const text = Buffer.from('héllo, kie\n', 'utf8');
	const fixtures: FixtureItem[] = [
		{
			json: { name: 'first' },
			binary: {
				data: { base64: png.toString('base64'), mimeType: 'image/png', fileName: 'first.png' },
				notes: { base64: text.toString('base64'), mimeType: 'text/plain', fileName: 'notes.txt' },
			},
		},
		{ json: { name: 'second' } },
	];
	const fixtureNode = {
		id: 'fixture',
		name: 'Fixture Items',
		type: 'test.fixtureItems',
		typeVersion: 1,
		position: [200, 0] as [number, number],
		parameters: { items: JSON.stringify(fixtures) },
	};

	it.each(['filesystem', 'default'] as const)(
		'emits items whose binaries read back byte for byte (binary mode %s)',
		async (binaryDataMode) => {
			const result = await runWorkflow(triggerThen(fixtureNode), { binaryDataMode });

			const items = result.outputOf('Fixture Items');
			expect(items.map((item) => item.json)).toEqual([{ name: 'first' }, { name: 'second' }]);
			expect(items[1].binary).toBeUndefined();

			const { data, notes } = items[0].binary!;
			expect(data).toMatchObject({
				mimeType: 'image/png',
				fileName: 'first.png',
				fileExtension: 'png',
			});
			expect(notes).toMatchObject({ mimeType: 'text/plain', fileName: 'notes.txt' });
			if (binaryDataMode === 'filesystem') {
				expect(data.id).toMatch(/^filesystem-v2:/);
			} else {
				expect(data.id).toBeUndefined();
				expect(data.data).toBe(png.toString('base64'));
			}

			expect((await result.binaryBuffer(items[0])).equals(png)).toBe(true);
			expect((await result.binaryBuffer(items[0], 'notes')).equals(text)).toBe(true);
			await expect(result.binaryBuffer(items[1])).rejects.toThrow(/no binary property "data"/);
		},
	);
});
