/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Version 1's refusals name version 1's parameters (what its panel shows), not the catalogue's,
 * when the value is refused by the catalogue's check (actions/common/runV1Model.ts).
 */
import type { INodeParameters } from 'n8n-workflow';

import { startSimulator } from '../../../simulator';
import type { KieSimulator } from '../../../simulator';
import { FAST_POLL, runKie } from '../../../helpers/workflow';

let sim: KieSimulator;

beforeAll(async () => {
	sim = await startSimulator({ generationMs: 200 });
});
afterEach(() => sim.reset());
afterAll(async () => await sim.stop());

describe('node version 1: refusals name its own parameters', () => {
	it.each<[string, INodeParameters, string, RegExp]>([
		[
			'Video → Generate: Runway’s quality is v1’s Resolution',
			{
				resource: 'video',
				operation: 'generate',
				model: 'runway',
				prompt: 'A corgi surfs a wave',
				duration: 10,
				resolution: '1080p',
			},
			'resolution',
			/10-second/,
		],
		[
			'Video → Extend: Runway’s quality is v1’s Resolution',
			{
				resource: 'video',
				operation: 'extend',
				api: 'runway',
				taskId: 'a-runway-task',
				prompt: 'The corgi rides on',
				resolution: '4k',
			},
			'resolution',
			/4k/i,
		],
	])('%s', async (_name, parameters, parameter, message) => {
		const result = await runKie(sim, { options: FAST_POLL, ...parameters }, { typeVersion: 1 });
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(message);
		expect(result.error?.description).toContain(`Check the "${parameter}" parameter`);
		expect(sim.record.requests).toHaveLength(0);
	});
});
