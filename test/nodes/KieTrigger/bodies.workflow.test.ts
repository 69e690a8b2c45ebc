/** The Kie.ai Trigger reading the callback bodies Kie.ai documents. */
import { type TriggerEndpoint, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
const { postSigned } = fixture;
let endpoint: TriggerEndpoint;
beforeAll(() => {
	({ endpoint } = fixture);
});

describe('Kie.ai Trigger receiving callbacks from Kie.ai', () => {
	describe("Kie.ai's documented callback bodies", () => {
		// ../shared/seeds (Nano Banana Pro page), verbatim apart from formatting.
		const successExample = {
			code: 200,
			data: {
				completeTime: 1755599644000,
				consumeCredits: 100,
				costTime: 8,
				createTime: 1755599634000,
				model: 'nano-banana-pro',
				param:
					'{"callBackUrl":"https://your-domain.com/api/callback","model":"nano-banana-pro","input":{"prompt":"Comic poster","image_input":[],"aspect_ratio":"1:1","resolution":"1K","output_format":"png"}}',
				remainedCredits: 2510330,
				resultJson: '{"resultUrls":["https://example.com/generated-image.jpg"]}',
				state: 'success',
				taskId: 'e989621f54392584b05867f87b160672',
				updateTime: 1755599644000,
			},
			msg: 'Playground task completed successfully.',
		};
		const failureExample = {
			code: 501,
			data: {
				completeTime: 1755597081000,
				consumeCredits: 0,
				costTime: 0,
				createTime: 1755596341000,
				failCode: '500',
				failMsg: 'Internal server error',
				model: 'nano-banana-pro',
				param:
					'{"callBackUrl":"https://your-domain.com/api/callback","model":"nano-banana-pro","input":{"prompt":"Comic poster"}}',
				remainedCredits: 2510430,
				state: 'fail',
				taskId: 'bd3a37c523149e4adf45a3ddb5faf1a8',
				updateTime: 1755597097000,
			},
			msg: 'Playground task failed.',
		};

		/** A jobs-API task the simulator has finished (failed when the prompt says "[fail]"). */
		const finishedJob = (prompt: string) =>
			fixture.finishedTask('/api/v1/jobs/createTask', {
				model: 'nano-banana-pro',
				input: { prompt },
			});
		/** The documented body, naming `taskId` instead of the page's example id. */
		const naming = <T extends { data: object }>(example: T, taskId: string): T => ({
			...example,
			data: { ...example.data, taskId },
		});

		it('the success example naming a task Kie.ai has: emits Kie.ai’s record of it', async () => {
			const taskId = await finishedJob('Comic poster');
			const answer = await postSigned(naming(successExample, taskId), taskId);
			expect(answer).toEqual({ status: 200, body: { received: true } });
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toEqual({
				taskId,
				api: 'market',
				model: 'nano-banana-pro',
				state: 'success',
				resultUrls: fixture.sim.record.tasks.get(taskId)!.resultUrls,
				failCode: null,
				failMsg: null,
				costTime: expect.any(Number),
				createTime: expect.any(Number),
				completeTime: expect.any(Number),
				creditsConsumed: null,
				param: { model: 'nano-banana-pro', input: { prompt: 'Comic poster' } },
				callbackCode: 200,
				callbackMsg: 'Playground task completed successfully.',
			});
			expect(JSON.stringify(delivery.items)).not.toContain('example.com');
		});

		it('the failure example (code 501) naming a failed task: an item with state "fail"', async () => {
			const taskId = await finishedJob('[fail] Comic poster');
			await postSigned(naming(failureExample, taskId), taskId);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toMatchObject({
				taskId,
				state: 'fail',
				failCode: '500',
				resultUrls: [],
				callbackCode: 501,
				callbackMsg: 'Playground task failed.',
			});
		});

		it('reads the verification page example: task id at the top and in data.task_id, no state', async () => {
			const taskId = await finishedJob('a kite');
			const body = {
				taskId,
				code: 200,
				msg: 'Success',
				data: { task_id: taskId, callbackType: 'task_completed' },
			};
			await postSigned(body, body.taskId);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toMatchObject({
				taskId,
				state: 'success',
				resultUrls: fixture.sim.record.tasks.get(taskId)!.resultUrls,
				callbackType: 'task_completed',
				callbackCode: 200,
			});
		});

		it('answers 401 to a signed body that names no task', async () => {
			const answer = await postSigned({ code: 200, msg: 'ok', data: {} }, '');
			expect(answer).toEqual({
				status: 401,
				body: { error: 'No task id in the callback body', reason: 'missing-task-id' },
			});
		});
	});
});
