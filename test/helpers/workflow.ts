/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { appendFileSync } from 'fs';
/** Small builders for the Kie node workflows the tests run. */
import { createHash } from 'node:crypto';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';
import { request } from 'undici';

import { kieCredentials, runWorkflow } from '../harness';
import type { WorkflowJson, WorkflowRunResult } from '../harness';
import type { KieSimulatorApi } from '../simulator';

export interface FixtureItemSpec {
	json?: Record<string, unknown>;
	binary?: Record<string, { base64: string; mimeType: string; fileName: string }>;
}

let nodeCounter = 0;

/** Start → (fixture items) → Kie.ai node named "Kie". */
export function kieWorkflow(
	parameters: INodeParameters,
	options: { items?: FixtureItemSpec[]; continueOnFail?: boolean; typeVersion?: number } = {},
): WorkflowJson {
	const nodes: INode[] = [
		{
			id: `n${++nodeCounter}`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: `n${++nodeCounter}`,
			name: 'Items',
			type: 'test.fixtureItems',
			typeVersion: 1,
			position: [200, 0],
			parameters: { items: JSON.stringify(options.items ?? [{ json: {} }]) },
		},
		{
			id: `n${++nodeCounter}`,
			name: 'Kie',
			type: 'n8n-nodes-kie.kie',
			typeVersion: options.typeVersion ?? 1,
			position: [400, 0],
			parameters,
			credentials: { kieApi: { id: '1', name: 'Kie.ai account' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	return {
		nodes,
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Kie', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

// ---- Kie node runs against the simulator ---------------------------------------------------

/** A key distinctive enough that finding it anywhere in a run's data means it leaked. */
export const SECRET_KEY = 'sk-very-distinctive-SECRET-123';

/** Fast polling for tests that are not about the adaptive schedule. */
export const FAST_POLL = { pollInterval: 0.2 };

export function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** A fixture binary property from bytes. */
export function binaryOf(
	bytes: Buffer,
	mimeType: string,
	fileName: string,
): { base64: string; mimeType: string; fileName: string } {
	return { base64: bytes.toString('base64'), mimeType, fileName };
}

/** Fetches a URL (a simulator file) with undici, the way a user's browser would, without a key. */
export async function fetchBytes(
	url: string,
): Promise<{ status: number; bytes: Buffer; contentType?: string }> {
	const response = await request(url, { method: 'GET' });
	const bytes = Buffer.from(await response.body.arrayBuffer());
	const contentType = response.headers['content-type'];
	return {
		status: response.statusCode,
		bytes,
		contentType: typeof contentType === 'string' ? contentType : undefined,
	};
}

/** The createTask bodies the simulator received, in arrival order. */
export function createBodies(sim: KieSimulatorApi): Array<{
	model: string;
	input: Record<string, unknown>;
	callBackUrl?: string;
}> {
	return sim.record.requests
		.filter((entry) => entry.endpoint === 'createTask')
		.map(
			(entry) =>
				entry.body as { model: string; input: Record<string, unknown>; callBackUrl?: string },
		);
}

/** How the simulator records a multipart upload. */
export interface StreamUpload {
	fields: Record<string, string>;
	files: Array<{
		field: string;
		fileName?: string;
		mimeType?: string;
		size: number;
		sha256: string;
	}>;
}

/** The multipart stream uploads the simulator received, in arrival order. */
export function streamUploads(sim: KieSimulatorApi): StreamUpload[] {
	return sim.record.requests
		.filter((entry) => entry.endpoint === 'streamUpload')
		.map((entry) => entry.body as StreamUpload);
}

/** Creates a task straight on the simulator (not through the node), e.g. for Get Task tests. */
export async function createTaskDirectly(
	sim: KieSimulatorApi,
	body: { model: string; input: Record<string, unknown>; callBackUrl?: string },
	apiKey = 'sim-key',
): Promise<string> {
	const response = await request(`${sim.baseUrl}/api/v1/jobs/createTask`, {
		method: 'POST',
		headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const answer = (await response.body.json()) as {
		code: number;
		msg: string;
		data?: { taskId?: string };
	};
	if (answer.code !== 200 || !answer.data?.taskId) {
		throw new Error(`The simulator refused the create: ${answer.code} ${answer.msg}`);
	}
	return answer.data.taskId;
}

export interface KieRunOptions {
	items?: FixtureItemSpec[];
	continueOnFail?: boolean;
	/** The Kie node's version (default 1, the saved workflows' version). */
	typeVersion?: number;
	/** Overrides of the kieApi credential data (apiKey, maxNewTasks, …). */
	credential?: ICredentialDataDecryptedObject;
}

/** Runs Start → Items → Kie with the given Kie node parameters against the simulator. */
export async function runKie(
	sim: KieSimulatorApi,
	parameters: INodeParameters,
	options: KieRunOptions = {},
): Promise<WorkflowRunResult> {
	return await runWorkflow(kieWorkflow(parameters, options), {
		credentials: { kieApi: kieCredentials(sim, options.credential) },
	});
}

/** The Kie node's output items; fails the test with the execution's error if it had none. */
export function kieOutput(result: WorkflowRunResult): INodeExecutionData[] {
	if (result.status !== 'success') {
		throw new Error(
			`The execution ended "${result.status}": ${result.error?.message ?? '(no error)'} — ${result.error?.description ?? ''}`,
		);
	}
	return result.outputOf('Kie');
}

/** Everything a user can see of a run (outputs, errors, descriptions, stacks) as one text. */
export function visibleText(result: WorkflowRunResult): string {
	const seen = new WeakSet<object>();
	const replacer = (_key: string, value: unknown) => {
		if (value instanceof Error) {
			return { ...value, name: value.name, message: value.message, stack: value.stack };
		}
		if (typeof value === 'object' && value !== null) {
			if (seen.has(value)) return '[circular]';
			seen.add(value);
		}
		return value;
	};
	return [
		JSON.stringify(result.run.data.resultData, replacer),
		JSON.stringify(result.error ?? null, replacer),
		result.error?.message ?? '',
		String(result.error?.description ?? ''),
	].join('\n');
}

/** With KIE_FAULT_MATRIX=<file>, appends what the simulator measured (the fault matrix). */
export function recordMatrixRow(row: Record<string, unknown>): void {
	const file = process.env.KIE_FAULT_MATRIX;
	if (file) appendFileSync(file, `${JSON.stringify(row)}\n`);
}
