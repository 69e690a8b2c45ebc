/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import './instance-folder';

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WorkflowExecute } from 'n8n-core';
import { Workflow } from 'n8n-workflow';
import type {
	ExecutionError,
	ExecutionStatus,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	IPinData,
	IRun,
	IWorkflowBase,
	IWorkflowSettings,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import type { CredentialsByType } from './credentials-helper';
import { createAdditionalData, readBinary, useBinaryDataMode } from './engine';
import type { BinaryDataMode } from './engine';
import { getHarnessTypes, packageRoot } from './node-types';

/** A workflow as n8n exports it (only the parts the engine reads). */
export interface WorkflowJson {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject;
}

export interface RunWorkflowOptions {
	/** Decrypted credential data by credential type, e.g. { kieApi: kieCredentials(sim) }. */
	credentials?: CredentialsByType;
	/** Stop the execution after this long, as the Stop button does (the run ends `canceled`). */
	cancelAfterMs?: number;
	/** Stop the execution as the Stop button does once this returns true (checked every 5 ms). */
	cancelWhen?: () => boolean;
	/** Stop the execution once this settles (e.g. when the simulator has seen some request). */
	cancelOn?: Promise<unknown>;
	/** The execution timeout (n8n's `executionTimeout` setting, in ms). Default: the workflow's setting. */
	timeoutMs?: number;
	/** How long a cancelled execution may take to wind down before the harness gives up. Default 5000. */
	cancelGraceMs?: number;
	/** Default 'filesystem', n8n 2.x's default. */
	binaryDataMode?: BinaryDataMode;
}

export interface WorkflowRunError {
	message: string;
	description?: string | null;
	/** The node the error belongs to, when it is a node's error. */
	nodeName?: string;
	error: ExecutionError;
}

export interface WorkflowRunResult {
	run: IRun;
	status: ExecutionStatus;
	/** The execution's error (a node error that stopped the workflow, a cancellation, a timeout). */
	error?: WorkflowRunError;
	/** Node names in the order they finished. */
	executedNodes: string[];
	/** The execution was cancelled because it reached its timeout. */
	timedOut: boolean;
	/** The items a node emitted on an output in its last run. Throws if the node did not run or failed. */
	outputOf(nodeName: string, outputIndex?: number): INodeExecutionData[];
	/** The bytes of an item's binary property, stored inline or by id. */
	binaryBuffer(item: INodeExecutionData, propertyName?: string): Promise<Buffer>;
	/** The error a node's last run ended with (also set when the node continued on fail). */
	nodeError(nodeName: string): ExecutionError | undefined;
}

let executionCounter = 0;

/**
 * Executes a workflow with n8n-core's engine in manual mode ("Execute workflow"), using the
 * built nodes from dist/, the test helper nodes, and the given credential data.
 * `workflow` may be a path to a JSON fixture, relative to the repository root.
 */
export async function runWorkflow(
	workflow: WorkflowJson | string,
	options: RunWorkflowOptions = {},
): Promise<WorkflowRunResult> {
	const types = await getHarnessTypes();
	await useBinaryDataMode(options.binaryDataMode ?? 'filesystem');

	const json: WorkflowJson =
		typeof workflow === 'string'
			? (JSON.parse(readFileSync(path.resolve(packageRoot, workflow), 'utf8')) as WorkflowJson)
			: structuredClone(workflow);
	// n8n gives every new workflow executionOrder v1; an export without settings would run as v0.
	const settings: IWorkflowSettings = json.settings ?? { executionOrder: 'v1' };
	const workflowId = json.id ?? 'harness-workflow';
	const executionId = String(++executionCounter);

	const workflowData: IWorkflowBase = {
		id: workflowId,
		name: json.name ?? 'Harness workflow',
		active: false,
		isArchived: false,
		activeVersionId: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: json.nodes,
		connections: json.connections,
		settings,
		pinData: json.pinData,
	};
	const workflowInstance = new Workflow({
		id: workflowId,
		name: workflowData.name,
		nodes: json.nodes,
		connections: json.connections,
		active: false,
		nodeTypes: types,
		settings,
		staticData: json.staticData,
		pinData: json.pinData,
	});

	const credentialsHelper = new HarnessCredentialsHelper(types, options.credentials ?? {});
	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId,
		workflowData,
		mode: 'manual',
	});
	const executedNodes: string[] = [];
	additionalData.hooks?.addHandler('nodeExecuteAfter', (nodeName) => {
		executedNodes.push(nodeName);
	});

	const settingsTimeout = Number(settings.executionTimeout ?? -1);
	const timeoutMs = options.timeoutMs ?? (settingsTimeout > 0 ? settingsTimeout * 1000 : undefined);
	if (timeoutMs !== undefined) additionalData.executionTimeoutTimestamp = Date.now() + timeoutMs;

	const workflowExecute = new WorkflowExecute(additionalData, 'manual');
	const execution = workflowExecute.run({
		workflow: workflowInstance,
		pinData: json.pinData,
	});

	const timers: NodeJS.Timeout[] = [];
	let rejectWindDown: (error: Error) => void = () => {};
	const windDown = new Promise<never>((_, reject) => (rejectWindDown = reject));
	const cancel = () => {
		if (execution.isCanceled) return;
		execution.cancel();
		const graceMs = options.cancelGraceMs ?? 5000;
		timers.push(
			setTimeout(
				() =>
					rejectWindDown(
						new Error(
							`The execution was cancelled but had not finished ${graceMs} ms later: a node ignores getExecutionCancelSignal()`,
						),
					),
				graceMs,
			),
		);
	};
	let timedOut = false;
	// n8n's WorkflowRunner cancels a timed-out execution the same way the Stop button does.
	if (timeoutMs !== undefined) {
		timers.push(
			setTimeout(() => {
				timedOut = !execution.isCanceled;
				cancel();
			}, timeoutMs),
		);
	}
	if (options.cancelAfterMs !== undefined) timers.push(setTimeout(cancel, options.cancelAfterMs));
	const { cancelWhen } = options;
	if (cancelWhen) {
		const watch = setInterval(() => {
			if (!cancelWhen()) return;
			clearInterval(watch);
			cancel();
		}, 5);
		timers.push(watch);
	}
	void options.cancelOn?.then(cancel, cancel);

	let run: IRun;
	try {
		run = await Promise.race([execution, windDown]);
	} finally {
		timers.forEach(clearTimeout);
	}

	// The engine also stops by itself between nodes once the timeout has passed.
	return buildResult(run, executedNodes, timedOut || workflowExecute.timedOut);
}

/** The node an execution error belongs to: named by the error, or the node whose last run failed with it. */
function failedNodeName(run: IRun, error: ExecutionError): string | undefined {
	if ('node' in error && error.node?.name) return error.node.name;
	const { runData } = run.data.resultData;
	return Object.keys(runData).find((nodeName) => {
		const nodeError = runData[nodeName].at(-1)?.error;
		return nodeError === error || nodeError?.message === error.message;
	});
}

function buildResult(run: IRun, executedNodes: string[], timedOut: boolean): WorkflowRunResult {
	const { runData, error } = run.data.resultData;

	const lastRun = (nodeName: string) => runData[nodeName]?.at(-1);

	return {
		run,
		status: run.status,
		error: error && {
			message: error.message,
			description: error.description,
			nodeName: failedNodeName(run, error),
			error,
		},
		executedNodes,
		timedOut,

		outputOf(nodeName, outputIndex = 0) {
			const task = lastRun(nodeName);
			if (!task) {
				const ran = Object.keys(runData).join(', ') || 'none';
				const why = error ? ` The execution ended with: ${error.message}` : '';
				throw new Error(`Node "${nodeName}" did not run (nodes that ran: ${ran}).${why}`);
			}
			if (!task.data && task.error) {
				throw new Error(`Node "${nodeName}" failed: ${task.error.message}`);
			}
			return task.data?.main?.[outputIndex] ?? [];
		},

		async binaryBuffer(item, propertyName = 'data') {
			const binary = item.binary?.[propertyName];
			if (!binary) {
				const present = Object.keys(item.binary ?? {}).join(', ') || 'none';
				throw new Error(`The item has no binary property "${propertyName}" (present: ${present})`);
			}
			return await readBinary(binary);
		},

		nodeError(nodeName) {
			return lastRun(nodeName)?.error;
		},
	};
}
