/** The Kie.ai Trigger reading the callback bodies Kie.ai documents. */
import { type TriggerEndpoint, useTriggerFixture } from './trigger-fixture';

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

		it('turns the success example into the task item', async () => {
			const answer = await postSigned(successExample, successExample.data.taskId);
			expect(answer.status).toBe(200);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toEqual({
				taskId: 'e989621f54392584b05867f87b160672',
				api: 'market',
				model: 'nano-banana-pro',
				state: 'success',
				resultUrls: ['https://example.com/generated-image.jpg'],
				failCode: null,
				failMsg: null,
				costTime: 8000,
				createTime: 1755599634000,
				completeTime: 1755599644000,
				creditsConsumed: 100,
				param: {
					callBackUrl: 'https://your-domain.com/api/callback',
					model: 'nano-banana-pro',
					input: {
						prompt: 'Comic poster',
						image_input: [],
						aspect_ratio: '1:1',
						resolution: '1K',
						output_format: 'png',
					},
				},
				callbackCode: 200,
				callbackMsg: 'Playground task completed successfully.',
			});
		});

		it('turns the failure example (code 501) into an item with state "fail"', async () => {
			await postSigned(failureExample, failureExample.data.taskId);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toMatchObject({
				taskId: 'bd3a37c523149e4adf45a3ddb5faf1a8',
				state: 'fail',
				failCode: '500',
				failMsg: 'Internal server error',
				resultUrls: [],
				callbackCode: 501,
				callbackMsg: 'Playground task failed.',
			});
		});

		it('reads the verification page example: task id at the top and in data.task_id, no state', async () => {
			const body = {
				taskId: 'ee9c2715375b7837f8bb51d641ff5863',
				code: 200,
				msg: 'Success',
				data: { task_id: 'ee9c2715375b7837f8bb51d641ff5863', callbackType: 'task_completed' },
			};
			await postSigned(body, body.taskId);
			const [delivery] = await endpoint.waitForDeliveries(1);
			expect(delivery.items[0].json).toMatchObject({
				taskId: 'ee9c2715375b7837f8bb51d641ff5863',
				state: 'success',
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
