import { createHmac } from 'node:crypto';

import {
	computeSignature,
	DEFAULT_TOLERANCE_SECONDS,
	verifyCallbackSignature,
} from '../../../nodes/KieTrigger/signature';

const KEY = 'whk_test_4f1c9a';
const TASK_ID = 'ee9c2715375b7837f8bb51d641ff5863';
const NOW_MS = 1_769_670_760_000;
const NOW_SECONDS = String(NOW_MS / 1000);

/** Kie's documented algorithm, written out independently of the module under test. */
function kieSignature(taskId: string, timestamp: string, key: string): string {
	return createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
}

function verify(
	callback: { taskId?: string; timestamp?: unknown; signature?: unknown },
	options: { key?: string; nowMs?: number; toleranceSeconds?: number } = {},
) {
	return verifyCallbackSignature(
		{ taskId: callback.taskId, timestamp: callback.timestamp, signature: callback.signature },
		{
			key: options.key ?? KEY,
			nowMs: options.nowMs ?? NOW_MS,
			toleranceSeconds: options.toleranceSeconds,
		},
	);
}

describe('Kie.ai callback signature', () => {
	it('accepts a callback signed with the key as Kie documents it', () => {
		const signature = kieSignature(TASK_ID, NOW_SECONDS, KEY);
		expect(computeSignature(TASK_ID, NOW_SECONDS, KEY)).toBe(signature);
		expect(verify({ taskId: TASK_ID, timestamp: NOW_SECONDS, signature })).toEqual({ valid: true });
	});

	it('accepts timestamps anywhere inside the window, either side of our clock', () => {
		for (const offset of [-DEFAULT_TOLERANCE_SECONDS, -1, 1, DEFAULT_TOLERANCE_SECONDS]) {
			const timestamp = String(NOW_MS / 1000 + offset);
			const signature = kieSignature(TASK_ID, timestamp, KEY);
			expect(verify({ taskId: TASK_ID, timestamp, signature }).valid).toBe(true);
		}
	});

	it('accepts the headers as Node may hand them over (array, number)', () => {
		const signature = kieSignature(TASK_ID, NOW_SECONDS, KEY);
		expect(
			verify({ taskId: TASK_ID, timestamp: [NOW_SECONDS], signature: [signature] }).valid,
		).toBe(true);
		expect(verify({ taskId: TASK_ID, timestamp: NOW_MS / 1000, signature }).valid).toBe(true);
	});

	it('rejects a signature made with another key', () => {
		const signature = kieSignature(TASK_ID, NOW_SECONDS, 'someone-elses-key');
		expect(verify({ taskId: TASK_ID, timestamp: NOW_SECONDS, signature })).toEqual({
			valid: false,
			reason: 'invalid-signature',
			message: 'Invalid signature',
		});
	});

	it('rejects a genuine signature presented with an altered task id', () => {
		const signature = kieSignature(TASK_ID, NOW_SECONDS, KEY);
		const result = verify({
			taskId: `${TASK_ID.slice(0, -1)}0`,
			timestamp: NOW_SECONDS,
			signature,
		});
		expect(result).toMatchObject({ valid: false, reason: 'invalid-signature' });
	});

	it('rejects a genuine signature presented with an altered timestamp', () => {
		const signature = kieSignature(TASK_ID, NOW_SECONDS, KEY);
		const result = verify({ taskId: TASK_ID, timestamp: String(NOW_MS / 1000 + 1), signature });
		expect(result).toMatchObject({ valid: false, reason: 'invalid-signature' });
	});

	it.each([
		['no headers', {}],
		['no timestamp', { signature: 'c2lnbmF0dXJl' }],
		['no signature', { timestamp: NOW_SECONDS }],
		['empty headers', { timestamp: '  ', signature: '' }],
	])('rejects a callback with %s', (_name, headers) => {
		expect(verify({ taskId: TASK_ID, ...headers })).toMatchObject({
			valid: false,
			reason: 'missing-headers',
		});
	});

	it('rejects a signed callback whose body names no task', () => {
		const signature = kieSignature('', NOW_SECONDS, KEY);
		expect(verify({ taskId: undefined, timestamp: NOW_SECONDS, signature })).toMatchObject({
			valid: false,
			reason: 'missing-task-id',
		});
	});

	it('rejects a stale timestamp even when the signature over it is genuine', () => {
		const timestamp = String(NOW_MS / 1000 - DEFAULT_TOLERANCE_SECONDS - 1);
		const signature = kieSignature(TASK_ID, timestamp, KEY);
		expect(verify({ taskId: TASK_ID, timestamp, signature })).toMatchObject({
			valid: false,
			reason: 'stale-timestamp',
		});
	});

	it('rejects a timestamp from the future beyond the window', () => {
		const timestamp = String(NOW_MS / 1000 + DEFAULT_TOLERANCE_SECONDS + 1);
		const signature = kieSignature(TASK_ID, timestamp, KEY);
		expect(verify({ taskId: TASK_ID, timestamp, signature })).toMatchObject({
			valid: false,
			reason: 'future-timestamp',
		});
	});

	it('uses the window it is given', () => {
		const timestamp = String(NOW_MS / 1000 - 60);
		const signature = kieSignature(TASK_ID, timestamp, KEY);
		expect(
			verify({ taskId: TASK_ID, timestamp, signature }, { toleranceSeconds: 30 }),
		).toMatchObject({ valid: false, reason: 'stale-timestamp' });
		expect(verify({ taskId: TASK_ID, timestamp, signature }, { toleranceSeconds: 90 }).valid).toBe(
			true,
		);
	});

	it('reads a millisecond timestamp for freshness while signing the header as sent', () => {
		const timestamp = String(NOW_MS);
		const signature = kieSignature(TASK_ID, timestamp, KEY);
		expect(verify({ taskId: TASK_ID, timestamp, signature }).valid).toBe(true);
		expect(
			verify({ taskId: TASK_ID, timestamp: String(NOW_MS - 3_600_000), signature }),
		).toMatchObject({ valid: false, reason: 'stale-timestamp' });
	});

	it.each(['1769670760.5', '-1769670760', 'yesterday', '0x69'])(
		'rejects a timestamp that is not Unix time: %s',
		(timestamp) => {
			const signature = kieSignature(TASK_ID, timestamp, KEY);
			expect(verify({ taskId: TASK_ID, timestamp, signature })).toMatchObject({
				valid: false,
				reason: 'invalid-timestamp',
			});
		},
	);

	it('rejects signatures of another length without comparing them (no throw)', () => {
		const genuine = kieSignature(TASK_ID, NOW_SECONDS, KEY);
		for (const signature of [
			genuine.slice(0, -1),
			`${genuine}=`,
			genuine.replace(/=+$/, ''),
			'x',
		]) {
			expect(verify({ taskId: TASK_ID, timestamp: NOW_SECONDS, signature })).toMatchObject({
				valid: false,
				reason: 'invalid-signature',
			});
		}
	});

	it('rejects a hex digest of the right HMAC (Kie sends base64)', () => {
		const hex = createHmac('sha256', KEY).update(`${TASK_ID}.${NOW_SECONDS}`).digest('hex');
		expect(verify({ taskId: TASK_ID, timestamp: NOW_SECONDS, signature: hex })).toMatchObject({
			valid: false,
			reason: 'invalid-signature',
		});
	});

	it('never puts the key or the expected signature in its answer', () => {
		const expected = kieSignature(TASK_ID, NOW_SECONDS, KEY);
		const result = verify({ taskId: TASK_ID, timestamp: NOW_SECONDS, signature: 'A'.repeat(44) });
		const text = JSON.stringify(result);
		expect(text).not.toContain(KEY);
		expect(text).not.toContain(expected);
	});
});
