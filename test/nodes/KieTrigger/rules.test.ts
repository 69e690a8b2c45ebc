/** The Kie.ai Trigger's rules without a webhook: what a callback and Kie's record decide. */
import { createHmac } from 'node:crypto';

import type { KieTask } from '../../../nodes/Kie/client';
import {
	judgeRecord,
	screenCallback,
	type Screening,
	type TriggerRules,
} from '../../../nodes/KieTrigger/rules';

const NOW_MS = 1_769_670_760_000;
const KEY = 'whk_rules_5e2a';
const TASK_ID = 'e989621f54392584b05867f87b160672';
const unsigned: TriggerRules = { hmacKey: '', nowMs: NOW_MS, sunoStages: false, states: [] };

function signedHeaders(taskId: string, key = KEY) {
	const timestamp = String(NOW_MS / 1000);
	const signature = createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
	return { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': signature };
}

/** Kie's record of the task, as the status endpoint gives it. */
function record(state: KieTask['state'], overrides: Partial<KieTask> = {}): KieTask {
	return {
		taskId: TASK_ID,
		api: 'market',
		model: 'nano-banana-pro',
		state,
		resultUrls: state === 'success' ? ['https://tempfile.aiquickdraw.com/r/a.png'] : [],
		failCode: null,
		failMsg: null,
		costTime: 8000,
		createTime: 1,
		completeTime: 2,
		creditsConsumed: 24,
		param: { model: 'nano-banana-pro' },
		...overrides,
	};
}

function toRead(screening: Screening) {
	if (screening.verdict !== 'read') throw new Error(`expected a read, got ${screening.verdict}`);
	return screening;
}

/** A forged success: attacker URLs, no signature. */
const forged = {
	code: 200,
	msg: 'ok',
	data: {
		taskId: TASK_ID,
		state: 'success',
		resultJson: '{"resultUrls":["http://127.0.0.1:9/secret"]}',
	},
};

describe('screenCallback: what the request alone decides', () => {
	it('reads the task a body names; the body decides nothing else', () => {
		const screened = toRead(screenCallback({ body: forged, headers: {} }, unsigned));
		expect(screened).toMatchObject({ taskId: TASK_ID, api: 'market', signed: false });
		expect(JSON.stringify(screened)).not.toContain('127.0.0.1');
	});

	it.each([
		['a 1 MB task id', 'x'.repeat(1024 * 1024)],
		['a task id of 129 characters', 'a'.repeat(129)],
		['a task id with a slash', '../etc/passwd'],
		['a task id with spaces', 'a task'],
	])('refuses %s with HTTP 400', (_name, taskId) => {
		expect(screenCallback({ body: { data: { taskId } }, headers: {} }, unsigned)).toMatchObject({
			verdict: 'refuse',
			status: 400,
			reason: 'invalid-task-id',
		});
	});

	it('accepts the id shapes Kie uses', () => {
		for (const taskId of [
			TASK_ID,
			'veo_task_abcdef123456',
			'ee603959-debb-48d1-98c4-a6d1c717eba6',
		]) {
			expect(screenCallback({ body: { data: { taskId } }, headers: {} }, unsigned).verdict).toBe(
				'read',
			);
		}
	});

	it('refuses a body naming no task', () => {
		expect(screenCallback({ body: { hello: 'world' }, headers: {} }, unsigned)).toMatchObject({
			verdict: 'refuse',
			status: 400,
			reason: 'missing-task-id',
		});
	});

	it('with a key: refuses an unsigned body (401), reads a signed one and says it was signed', () => {
		const rules = { ...unsigned, hmacKey: KEY };
		expect(screenCallback({ body: forged, headers: {} }, rules)).toMatchObject({
			verdict: 'refuse',
			status: 401,
			reason: 'missing-headers',
		});
		const screened = screenCallback({ body: forged, headers: signedHeaders(TASK_ID) }, rules);
		expect(screened).toMatchObject({ verdict: 'read', signed: true });
	});

	it('ignores Suno’s early stages unless asked, before anything is read', () => {
		const body = {
			code: 200,
			msg: 'ok',
			data: { callbackType: 'text', task_id: TASK_ID, data: [] },
		};
		expect(screenCallback({ body, headers: {} }, unsigned)).toEqual({
			verdict: 'ignore',
			reason: 'Suno stage text',
		});
		expect(screenCallback({ body, headers: {} }, { ...unsigned, sunoStages: true })).toMatchObject({
			verdict: 'read',
			api: 'suno',
			sunoStage: 'text',
			deliveryKey: `${TASK_ID}:text`,
		});
	});
});

describe('judgeRecord: what Kie’s record decides', () => {
	const screened = toRead(screenCallback({ body: forged, headers: {} }, unsigned));

	it('emits Kie’s record, not the body’s URLs, with what the callback said beside it', () => {
		const judgement = judgeRecord(screened, { found: true, task: record('success') }, unsigned);
		expect(judgement).toMatchObject({
			verdict: 'emit',
			json: {
				taskId: TASK_ID,
				state: 'success',
				resultUrls: ['https://tempfile.aiquickdraw.com/r/a.png'],
				callbackCode: 200,
				callbackMsg: 'ok',
			},
		});
		expect(JSON.stringify(judgement)).not.toContain('127.0.0.1');
	});

	it('ignores a task Kie does not know', () => {
		expect(judgeRecord(screened, { found: false }, unsigned)).toEqual({
			verdict: 'ignore',
			reason: `Kie.ai has no task ${TASK_ID}`,
		});
	});

	it.each(['waiting', 'queuing', 'generating'] as const)(
		'ignores a task Kie still has as %s, whatever the body says',
		(state) => {
			expect(judgeRecord(screened, { found: true, task: record(state) }, unsigned)).toEqual({
				verdict: 'ignore',
				reason: `task not finished (state ${state})`,
			});
		},
	);

	it('filters by the state Kie has, not the one the body claims', () => {
		const onlySuccess = { states: ['success'] };
		expect(judgeRecord(screened, { found: true, task: record('fail') }, onlySuccess)).toEqual({
			verdict: 'ignore',
			reason: 'state fail',
		});
		expect(
			judgeRecord(screened, { found: true, task: record('success') }, onlySuccess).verdict,
		).toBe('emit');
	});

	it('when the record cannot be read, emits the task id and why, and no URLs', () => {
		const judgement = judgeRecord(
			screened,
			{ found: undefined, error: 'Kie.ai is down' },
			unsigned,
		);
		expect(judgement).toEqual({
			verdict: 'emit',
			json: {
				taskId: TASK_ID,
				api: 'market',
				recordError: "The task's record could not be read: Kie.ai is down",
				callbackCode: 200,
				callbackMsg: 'ok',
			},
		});
	});

	it('emits a Suno early stage once Kie’s record has moved past waiting', () => {
		const body = {
			code: 200,
			msg: 'ok',
			data: { callbackType: 'first', task_id: TASK_ID, data: [] },
		};
		const stage = toRead(screenCallback({ body, headers: {} }, { ...unsigned, sunoStages: true }));
		const suno = (state: KieTask['state']) => record(state, { api: 'suno' });
		expect(judgeRecord(stage, { found: true, task: suno('waiting') }, unsigned).verdict).toBe(
			'ignore',
		);
		expect(judgeRecord(stage, { found: true, task: suno('generating') }, unsigned)).toMatchObject({
			verdict: 'emit',
			json: { taskId: TASK_ID, state: 'generating', callbackType: 'first' },
		});
	});
});
