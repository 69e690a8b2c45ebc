import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { AmbiguousCreateError, KieClient, type KieTask } from '../../../../nodes/Kie/client';
import type { Clock } from '../../../../nodes/Kie/client/clock';
import {
	deliveryOfNetworkError,
	describeNetworkFailure,
	isSafeToRepeatCreate,
	isTransientReadError,
	KieRequestError,
	kieWords,
	type KieErrorInfo,
} from '../../../../nodes/Kie/client/errors';
import type { KieAccount } from '../../../../nodes/Kie/client/http';

const node: INode = {
	id: 'kie',
	name: 'Kie',
	type: 'n8n-nodes-kie.kie',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const kieError = (info: Partial<KieErrorInfo>) =>
	new KieRequestError({ endpoint: 'market.create', delivery: 'answered', ...info });

/** A jobs-API task the client did not create, not polled yet. */
const waitingTask = (taskId: string): KieTask => ({
	taskId,
	api: 'market',
	model: null,
	state: 'waiting',
	resultUrls: [],
	failCode: null,
	failMsg: null,
	costTime: null,
	createTime: null,
	completeTime: null,
	creditsConsumed: null,
	param: null,
});

describe('delivery of network errors', () => {
	it.each([
		'ECONNREFUSED',
		'ENOTFOUND',
		'EAI_AGAIN',
		'EHOSTUNREACH',
		'ENETUNREACH',
		'ERR_INVALID_URL',
	])('%s: the request never left', (code) => {
		expect(deliveryOfNetworkError(code)).toBe('not-sent');
	});

	it.each(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EUNKNOWN', undefined])(
		'%p: it may have arrived',
		(code) => {
			expect(deliveryOfNetworkError(code)).toBe('maybe-sent');
		},
	);
});

describe('messages', () => {
	const NETWORK_CODES = [
		'ECONNREFUSED',
		'ENOTFOUND',
		'EAI_AGAIN',
		'EHOSTUNREACH',
		'ENETUNREACH',
		'ERR_INVALID_URL',
		'ECONNRESET',
		'EPIPE',
		'ETIMEDOUT',
		'EUNKNOWN',
	];

	it.each(NETWORK_CODES)('%s is said in words that n8n leaves alone', (networkCode) => {
		const error = kieError({ delivery: deliveryOfNetworkError(networkCode), networkCode });
		expect(error.message).toBe(describeNetworkFailure(networkCode));
		expect(error.message).not.toMatch(/\bE[A-Z_]{3,}\b/);
		// n8n's error classes replace any message naming a Node.js error code with a generic text.
		expect(new NodeOperationError(node, error.message).message).toBe(error.message);
		expect(
			new NodeApiError(node, { message: error.message }, { message: error.message }).message,
		).toBe(error.message);
	});

	it('names the common network failures', () => {
		expect(describeNetworkFailure('ECONNREFUSED')).toBe(
			'Could not reach Kie.ai: the connection was refused',
		);
		expect(describeNetworkFailure('ECONNRESET')).toBe(
			'The connection to Kie.ai was closed before an answer arrived',
		);
		expect(describeNetworkFailure('ETIMEDOUT')).toBe(
			'Kie.ai did not answer within the request timeout',
		);
		expect(describeNetworkFailure('MALFORMED')).toBe(
			'Kie.ai answered with something that is not JSON',
		);
	});

	it.each([
		[401, 'Kie.ai rejected the API key: check the Kie.ai API credential (https://kie.ai/api-key)'],
		[402, 'Your Kie.ai account does not have enough credits: top up at https://kie.ai/pricing'],
		[429, "Kie.ai's rate limit was hit (20 new tasks per 10 seconds unless support raised it)"],
		[
			433,
			"This Kie.ai key's usage cap (hourly, daily or total) is reached: raise it at https://kie.ai/api-key",
		],
		[455, 'Kie.ai is under maintenance: try again later'],
		[501, 'Kie.ai could not generate the content'],
		[505, 'This Kie.ai feature is currently disabled'],
		[599, 'Kie.ai answered with code 599'],
	])('body code %i', (code, text) => {
		expect(kieError({ code }).message).toBe(`${text} (code ${code})`);
		expect(kieError({ code, kieMessage: ' detail ' }).message).toBe(
			`${text} (code ${code}): detail`,
		);
	});

	it('says a task lookup found nothing', () => {
		expect(
			kieError({ endpoint: 'market.status', code: 422, kieMessage: 'recordInfo is null' }).message,
		).toBe('Kie.ai has no task with this taskId for this API key (code 422): recordInfo is null');
	});

	it("spells out error codes inside Kie's own text, keeping the text itself in info", () => {
		const kieMessage = 'File download failed: connect ECONNREFUSED 127.0.0.1:9';
		const error = kieError({ endpoint: 'upload.url', code: 400, kieMessage });
		expect(error.message).toBe(
			'Kie.ai rejected the request as invalid (code 400): File download failed: connect connection refused 127.0.0.1:9',
		);
		expect(error.info.kieMessage).toBe(kieMessage);
		expect(
			new NodeApiError(node, { message: error.message }, { message: error.message }).message,
		).toBe(error.message);
		expect(kieWords('getaddrinfo EAI_AGAIN kie.ai, then etimedout')).toBe(
			'host lookup host lookup failed kie.ai, then timed out',
		);
		expect(kieWords('  ')).toBeUndefined();
	});
});

describe('isTransientReadError: worth asking again for a poll, a download or credits', () => {
	it.each<[string, Partial<KieErrorInfo>, boolean]>([
		['a reset', { delivery: 'maybe-sent', networkCode: 'ECONNRESET' }, true],
		['a timeout', { delivery: 'maybe-sent', networkCode: 'ETIMEDOUT' }, true],
		['an unreadable answer', { delivery: 'maybe-sent', networkCode: 'MALFORMED' }, true],
		['connection refused', { delivery: 'not-sent', networkCode: 'ECONNREFUSED' }, true],
		['an invalid base URL', { delivery: 'not-sent', networkCode: 'ERR_INVALID_URL' }, false],
		['HTTP 500', { delivery: 'maybe-sent', code: 500, httpStatus: 500 }, true],
		['HTTP 502', { delivery: 'maybe-sent', code: 502, httpStatus: 502 }, true],
		['body 500', { delivery: 'maybe-sent', code: 500, httpStatus: 200 }, true],
		['body 455', { code: 455 }, true],
		['body 429', { code: 429 }, true],
		['body 408', { code: 408 }, true],
		['body 501', { code: 501 }, true],
		['an answer without a code', { networkCode: 'MALFORMED' }, true],
		['401', { code: 401 }, false],
		['402', { code: 402 }, false],
		['404', { code: 404 }, false],
		['422', { code: 422 }, false],
		['433', { code: 433 }, false],
	])('%s → %p', (_label, info, expected) => {
		expect(isTransientReadError(kieError(info))).toBe(expected);
	});

	it('is false for anything that is not a KieRequestError', () => {
		expect(isTransientReadError(new Error('ECONNRESET'))).toBe(false);
		expect(isTransientReadError({ info: { delivery: 'maybe-sent' } })).toBe(false);
	});
});

describe('isSafeToRepeatCreate: only where Kie cannot have created the task', () => {
	it.each<[string, Partial<KieErrorInfo>, boolean]>([
		['connection refused', { delivery: 'not-sent', networkCode: 'ECONNREFUSED' }, true],
		['DNS failure', { delivery: 'not-sent', networkCode: 'ENOTFOUND' }, true],
		['body 429', { code: 429 }, true],
		['HTTP 429', { code: 429, httpStatus: 429 }, true],
		['body 455', { code: 455 }, true],
		[
			'an invalid base URL (repeating cannot help)',
			{ delivery: 'not-sent', networkCode: 'ERR_INVALID_URL' },
			false,
		],
		['a reset after sending', { delivery: 'maybe-sent', networkCode: 'ECONNRESET' }, false],
		[
			'a timeout waiting for the answer',
			{ delivery: 'maybe-sent', networkCode: 'ETIMEDOUT' },
			false,
		],
		['an unreadable answer', { delivery: 'maybe-sent', networkCode: 'MALFORMED' }, false],
		['HTTP 500', { delivery: 'maybe-sent', code: 500, httpStatus: 500 }, false],
		['HTTP 503', { delivery: 'maybe-sent', code: 503, httpStatus: 503 }, false],
		['body 500', { delivery: 'maybe-sent', code: 500, httpStatus: 200 }, false],
		[
			'a 429 that may have been sent by a proxy after a 5xx',
			{ delivery: 'maybe-sent', code: 429 },
			false,
		],
		['401', { code: 401 }, false],
		['402', { code: 402 }, false],
		['422', { code: 422 }, false],
	])('%s → %p', (_label, info, expected) => {
		expect(isSafeToRepeatCreate(kieError(info))).toBe(expected);
	});

	it('is false for anything that is not a KieRequestError', () => {
		expect(isSafeToRepeatCreate(new Error('ECONNREFUSED'))).toBe(false);
	});
});

describe('AmbiguousCreateError', () => {
	const sentAt = Date.UTC(2025, 0, 2, 3, 4, 5);
	const tail =
		', so Kie.ai may have created this nano-banana-pro task without returning its taskId. It was not sent again, so you are not charged twice: look for it at https://kie.ai/logs (model nano-banana-pro, sent around 2025-01-02T03:04:05.000Z) and fetch it with the Get Task operation.';

	it.each<[Partial<KieErrorInfo>, string]>([
		[
			{ delivery: 'maybe-sent', networkCode: 'ECONNRESET' },
			'The connection to Kie.ai was closed before an answer arrived',
		],
		[
			{ delivery: 'maybe-sent', networkCode: 'ETIMEDOUT' },
			'Kie.ai did not answer within the request timeout',
		],
		[
			{ delivery: 'maybe-sent', networkCode: 'MALFORMED' },
			"Kie.ai's answer to the create request was unreadable",
		],
		[
			{ delivery: 'maybe-sent', code: 502, httpStatus: 502, kieMessage: 'Bad Gateway' },
			'Kie.ai answered the create request with HTTP 502 (Bad Gateway)',
		],
		[
			{ delivery: 'maybe-sent', code: 500, httpStatus: 200 },
			'Kie.ai answered the create request with code 500',
		],
	])('%p says what happened and how to find the task', (info, opening) => {
		const error = new AmbiguousCreateError(kieError(info), 'nano-banana-pro', sentAt);
		expect(error.message).toBe(`${opening}${tail}`);
		expect(error.info.delivery).toBe('maybe-sent');
		expect(new NodeOperationError(node, error.message).message).toBe(error.message);
	});
});

describe("the client's create and read retries", () => {
	type Reply =
		| { status: number; body: unknown; headers?: Record<string, string> }
		| { networkCode: string };

	/** A context whose HTTP helper answers from a script, throwing like n8n for network failures. */
	function scripted(replies: Reply[]) {
		const sent: IHttpRequestOptions[] = [];
		const helper = async (_type: string, options: IHttpRequestOptions) => {
			sent.push(options);
			const reply = replies.length > 1 ? replies.shift()! : replies[0];
			if ('networkCode' in reply) {
				throw Object.assign(new Error(`connect ${reply.networkCode}`), { code: reply.networkCode });
			}
			return {
				statusCode: reply.status,
				headers: reply.headers ?? {},
				body: JSON.stringify(reply.body),
			};
		};
		const ctx = {
			helpers: { httpRequestWithAuthentication: helper, httpRequest: helper },
		} as unknown as IExecuteFunctions;
		return { ctx, sent };
	}

	const waits: number[] = [];
	const instantClock: Clock = {
		now: () => 1_000_000 + waits.reduce((sum, ms) => sum + ms, 0),
		sleep: async (ms) => {
			waits.push(ms);
		},
	};
	let accountNumber = 0;
	const clientFor = (ctx: IExecuteFunctions) =>
		new KieClient(
			ctx,
			{
				baseUrl: 'http://kie.invalid',
				uploadBaseUrl: 'http://upload.kie.invalid',
				maxNewTasks: 1000,
				maxNewTasksWindowMs: 1000,
				maxStatusRequestsPerSecond: 1000,
				webhookHmacKey: '',
				accountId: `retry-policy-${++accountNumber}`,
				withoutKey: (text: string) => text,
			} satisfies KieAccount,
			undefined,
			instantClock,
		);
	const created = {
		status: 200,
		body: { code: 200, msg: 'success', data: { taskId: 'new-task' } },
	};
	const create = async (ctx: IExecuteFunctions) =>
		await clientFor(ctx)
			.createTask({
				api: 'market',
				endpoint: 'market.create',
				model: 'nano-banana-pro',
				body: { model: 'nano-banana-pro', input: { prompt: 'x' } },
			})
			.then(
				(created) => created.taskId,
				(error: unknown) => error,
			);

	beforeEach(() => {
		waits.length = 0;
	});

	it('repeats a create Kie refused (455, 429 with Retry-After) and returns the task', async () => {
		const { ctx, sent } = scripted([
			{ status: 200, body: { code: 455, msg: 'maintenance' } },
			{ status: 429, body: { code: 429, msg: 'Rate limit' }, headers: { 'retry-after': '0' } },
			created,
		]);

		expect(await create(ctx)).toBe('new-task');
		expect(sent).toHaveLength(3);
		// The 455 waits here; the 429's Retry-After (0 s) holds the account's create limiter instead.
		expect(waits).toHaveLength(1);
	});

	it('gives up on maintenance after 8 creates, with its message', async () => {
		const { ctx, sent } = scripted([
			{ status: 200, body: { code: 455, msg: 'Service Unavailable' } },
		]);

		const error = await create(ctx);

		expect(sent).toHaveLength(8);
		expect(error).toBeInstanceOf(KieRequestError);
		expect(error).not.toBeInstanceOf(AmbiguousCreateError);
		expect((error as Error).message).toBe(
			'Kie.ai is under maintenance: try again later (code 455): Service Unavailable',
		);
	});

	it('tries an unreachable Kie 4 times, briefly, then says so', async () => {
		const { ctx, sent } = scripted([{ networkCode: 'ECONNREFUSED' }]);

		const error = await create(ctx);

		expect(sent).toHaveLength(4);
		expect((error as Error).message).toBe('Could not reach Kie.ai: the connection was refused');
		expect(waits.reduce((sum, ms) => sum + ms, 0)).toBeLessThan(5000);
	});

	it('succeeds when Kie becomes reachable during the retries', async () => {
		const { ctx, sent } = scripted([
			{ networkCode: 'ENOTFOUND' },
			{ networkCode: 'ECONNREFUSED' },
			created,
		]);

		expect(await create(ctx)).toBe('new-task');
		expect(sent).toHaveLength(3);
	});

	it.each<[string, Reply]>([
		['a reset', { networkCode: 'ECONNRESET' }],
		['a timeout', { networkCode: 'ECONNABORTED' }],
		['HTTP 500', { status: 500, body: { code: 500, msg: 'Internal Server Error' } }],
		['HTTP 504', { status: 504, body: 'Gateway Timeout' }],
		['body 500', { status: 200, body: { code: 500, msg: 'Server Error' } }],
		['an answer without a taskId', { status: 200, body: { code: 200, msg: 'success', data: {} } }],
	])('sends a create once after %s', async (_label, reply) => {
		const { ctx, sent } = scripted([reply, created]);

		expect(await create(ctx)).toBeInstanceOf(AmbiguousCreateError);
		expect(sent).toHaveLength(1);
	});

	it.each<[string, Reply]>([
		['401', { status: 200, body: { code: 401, msg: 'You do not have access permissions' } }],
		['402', { status: 200, body: { code: 402, msg: 'Credits insufficient' } }],
		['422', { status: 200, body: { code: 422, msg: 'prompt is required' } }],
		['an invalid base URL', { networkCode: 'ERR_INVALID_URL' }],
	])('fails a create at once on %s', async (_label, reply) => {
		const { ctx, sent } = scripted([reply, created]);

		const error = await create(ctx);

		expect(error).toBeInstanceOf(KieRequestError);
		expect(error).not.toBeInstanceOf(AmbiguousCreateError);
		expect(sent).toHaveLength(1);
	});

	it('retries a read 5 times on server errors, 4 when unreachable, never on 401', async () => {
		const failing = scripted([{ status: 503, body: 'Service Unavailable' }]);
		await expect(clientFor(failing.ctx).getCredits()).rejects.toThrow(
			'Kie.ai is temporarily unavailable (code 503)',
		);
		expect(failing.sent).toHaveLength(5);

		const unreachable = scripted([{ networkCode: 'ECONNREFUSED' }]);
		await expect(clientFor(unreachable.ctx).getCredits()).rejects.toThrow(
			'Could not reach Kie.ai: the connection was refused',
		);
		expect(unreachable.sent).toHaveLength(4);

		const refused = scripted([{ status: 200, body: { code: 401, msg: 'no' } }]);
		await expect(clientFor(refused.ctx).getCredits()).rejects.toThrow(
			/^Kie.ai rejected the API key/,
		);
		expect(refused.sent).toHaveLength(1);

		const recovering = scripted([
			{ networkCode: 'ECONNRESET' },
			{ status: 200, body: { code: 200, data: 77 } },
		]);
		expect(await clientFor(recovering.ctx).getCredits()).toBe(77);
	});

	it('keeps polling through any number of transient failures until the task is final', async () => {
		const record = (state: string) => ({
			status: 200,
			body: {
				code: 200,
				data: {
					taskId: 'new-task',
					model: 'nano-banana-pro',
					state,
					resultJson: state === 'success' ? '{"resultUrls":["https://r/a.png"]}' : '',
				},
			},
		});
		const { ctx, sent } = scripted([
			record('generating'),
			...Array.from(
				{ length: 12 },
				(_, index): Reply =>
					index % 3 === 0
						? { networkCode: 'ECONNRESET' }
						: index % 3 === 1
							? { status: 502, body: 'Bad Gateway' }
							: { status: 200, body: { code: 455, msg: 'maintenance' } },
			),
			record('success'),
		]);

		const result = await clientFor(ctx).waitForTask(waitingTask('new-task'), {
			timeoutMs: 3_600_000,
			pollIntervalMs: 1000,
		});

		expect(result.timedOut).toBe(false);
		expect(result.task.resultUrls).toEqual(['https://r/a.png']);
		expect(sent).toHaveLength(14);
	});
});
