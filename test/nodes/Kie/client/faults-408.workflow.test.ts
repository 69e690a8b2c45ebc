/**
 * Kie's code 408, through n8n's engine. Kie's pages define it as "Upstream is currently
 * experiencing service issues. No result has been returned for over 10 minutes": for a create
 * it does not say whether the paid task was started, so the create is not sent again and the
 * user is told a task may exist; for reads (status, credits) it is a hiccup and is asked again.
 */
import { startSimulator } from '../../../simulator';
import type { KieSimulator } from '../../../simulator';
import { FAST_POLL, kieOutput, runKie } from '../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 300 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

const generate = {
	resource: 'image',
	operation: 'generate',
	model: 'nano-banana-pro',
	prompt: '={{ $json.prompt }}',
	downloadResults: false,
	options: { ...FAST_POLL },
};

const answersOf = (endpoint: 'createTask' | 'recordInfo' | 'credit') =>
	sim.record.requests
		.filter((request) => request.endpoint === endpoint)
		.map((request) => request.bodyCode);

describe('a create answered 408', () => {
	it('is sent once, and the item says a task may exist (the simulator made one)', async () => {
		sim.injectFault({ endpoint: 'createTask', kind: 'body408', times: 1 });

		const result = await runKie(sim, generate, {
			continueOnFail: true,
			items: [{ json: { prompt: 'A lantern' } }, { json: { prompt: 'A kite' } }],
		});

		const output = kieOutput(result);
		const failed = output.filter((item) => item.json.error !== undefined);
		const succeeded = output.filter((item) => item.json.state === 'success');
		expect([failed.length, succeeded.length]).toEqual([1, 1]);
		// The first create to arrive got the 408; the other item's create went on normally.
		const creates = sim.record.requests.filter((request) => request.endpoint === 'createTask');
		expect(creates.map((request) => request.bodyCode)).toEqual([408, 200]);
		expect(sim.record.createdTaskCount()).toBe(2);
		expect(failed[0].json.error).toMatch(
			/^Kie\.ai answered the create request with code 408 \(Upstream is currently experiencing service issues\. No result has been returned for over 10 minutes\.\), so Kie\.ai may have created this nano-banana-pro task without returning its taskId\. It was not sent again/,
		);
		expect(failed[0].json.error).toContain('https://kie.ai/logs');
		expect(failed[0].json.taskId).toBeUndefined();
		expect(succeeded[0].json.taskId).toBe(creates[1].taskId);
	});

	it('of a Veo create is not sent again either', async () => {
		sim.injectFault({ endpoint: 'veoGenerate', kind: 'body408', times: 1 });

		const result = await runKie(
			sim,
			{ resource: 'video', operation: 'generate', model: 'veo3_fast', prompt: 'A corgi surfs' },
			{ continueOnFail: true },
		);

		const [item] = kieOutput(result);
		expect(sim.record.count('veoGenerate')).toBe(1);
		expect(item.json.error).toMatch(/code 408 .*may have created this veo3_fast task/);
	});
});

describe('reads answered 408', () => {
	it('a poll answered 408 twice is asked again and the task succeeds', async () => {
		sim.injectFault({ endpoint: 'recordInfo', kind: 'body408', times: 2 });

		const [item] = kieOutput(
			await runKie(sim, generate, { items: [{ json: { prompt: 'A moth' } }] }),
		);

		expect(item.json.state).toBe('success');
		const answers = answersOf('recordInfo');
		expect(answers.slice(0, 2)).toEqual([408, 408]);
		expect(answers.slice(2).every((code) => code === 200)).toBe(true);
		expect(answers.length).toBeGreaterThanOrEqual(3);
		expect(sim.record.count('createTask')).toBe(1);
	});

	it('Get Credits answered 408 once is asked again', async () => {
		sim.injectFault({ endpoint: 'credit', kind: 'body408', times: 1 });

		const [item] = kieOutput(await runKie(sim, { resource: 'account', operation: 'getCredits' }));

		expect(item.json).toEqual({ credits: 100000 });
		expect(answersOf('credit')).toEqual([408, 200]);
	});
});
