import { type Answer, type Host, jsonAnswer } from './http';
import type { SimulatorState } from './state';
import type { Endpoint, FaultKind, FaultSpec } from './types';

interface ActiveFault {
	spec: FaultSpec;
	remaining?: number;
}

const BODY_FAULTS: Partial<Record<FaultKind, { code: number; msg: string }>> = {
	body455: { code: 455, msg: 'Service Unavailable - System is currently undergoing maintenance' },
	body500: {
		code: 500,
		msg: 'Server Error - An unexpected error occurred while processing the request',
	},
	body429: { code: 429, msg: 'Rate limit exceeded' },
	body408: {
		code: 408,
		msg: 'Upstream is currently experiencing service issues. No result has been returned for over 10 minutes.',
	},
};

const HTTP_FAULTS: Partial<Record<FaultKind, { status: number; msg: string }>> = {
	http400: { status: 400, msg: 'Missing required parameter: uploadPath' },
	http401: { status: 401, msg: 'Authentication failed: Invalid API Key' },
	http405: { status: 405, msg: 'Method Not Allowed' },
	http500: { status: 500, msg: 'Internal Server Error' },
	http502: { status: 502, msg: 'Bad Gateway' },
	http503: { status: 503, msg: 'Service Unavailable' },
	http504: { status: 504, msg: 'Gateway Timeout' },
};

/** Injected faults, matched per endpoint in the order they were injected. */
export class Faults {
	private active: ActiveFault[] = [];

	constructor(private readonly state: SimulatorState) {}

	inject(fault: FaultSpec): void {
		if (fault.times !== undefined && fault.times <= 0) return;
		this.active.push({ spec: { ...fault }, remaining: fault.times });
	}

	clear(): void {
		this.active = [];
	}

	take(endpoint: Endpoint): FaultSpec | undefined {
		for (const active of this.active) {
			if (active.spec.endpoint !== endpoint) continue;
			if (active.spec.probability !== undefined && this.state.random() >= active.spec.probability)
				continue;
			if (active.remaining !== undefined) {
				active.remaining--;
				if (active.remaining <= 0) this.active = this.active.filter((other) => other !== active);
			}
			return active.spec;
		}
		return undefined;
	}

	/** Answers for faults that replace the request's processing entirely. */
	answer(kind: FaultKind, host: Host): Answer | undefined {
		const httpFault = HTTP_FAULTS[kind];
		if (httpFault) {
			const body = { code: httpFault.status, msg: httpFault.msg };
			return jsonAnswer(httpFault.status, host === 'upload' ? { success: false, ...body } : body);
		}
		const bodyFault = BODY_FAULTS[kind];
		if (bodyFault) {
			const { max, windowMs } = this.state.options.createLimit;
			const msg =
				kind === 'body429'
					? `Rate limit exceeded: ${max} requests per ${windowMs / 1000} seconds`
					: bodyFault.msg;
			return jsonAnswer(
				200,
				host === 'upload'
					? { success: false, code: bodyFault.code, msg }
					: { code: bodyFault.code, msg, data: null },
			);
		}
		if (kind === 'malformedJson') {
			return {
				status: 200,
				contentType: 'application/json',
				body: Buffer.from('{"code":200,"msg":"success","data":{"taskId":"'),
			};
		}
		return undefined;
	}
}
