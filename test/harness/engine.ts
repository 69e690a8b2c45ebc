import './instance-folder';

import { Container } from '@n8n/di';
import {
	BinaryDataConfig,
	BinaryDataService,
	ExecutionLifecycleHooks,
	ExternalSecretsProxy,
} from 'n8n-core';
import type { IBinaryData, IWorkflowBase, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { UnexpectedError } from 'n8n-workflow';

import type { HarnessCredentialsHelper } from './credentials-helper';

/**
 * Where n8n keeps binary data. `filesystem` is n8n 2.x's default (items carry an `id`, the
 * bytes live in the user folder); `default` keeps them inline as base64 in `data`.
 */
export type BinaryDataMode = 'filesystem' | 'default';

let binaryDataMode: BinaryDataMode | undefined;

/** Initialises n8n-core's BinaryDataService (the one prepareBinaryData and getBinaryDataBuffer use). */
export async function useBinaryDataMode(mode: BinaryDataMode): Promise<BinaryDataService> {
	const service = Container.get(BinaryDataService);
	if (binaryDataMode !== mode) {
		Container.get(BinaryDataConfig).mode = mode;
		await service.init();
		binaryDataMode = mode;
	}
	return service;
}

/** The bytes of a binary property, whether n8n stored them inline (base64) or by id. */
export async function readBinary(binary: IBinaryData): Promise<Buffer> {
	if (binaryDataMode === undefined) await useBinaryDataMode('filesystem');
	return await Container.get(BinaryDataService).getAsBuffer(binary);
}

const notAvailable = (what: string) => async () => {
	throw new UnexpectedError(`${what} is not available in the test harness`);
};

/** What n8n's WorkflowExecuteAdditionalData.getBase provides, for one execution. */
export function createAdditionalData(options: {
	credentialsHelper: HarnessCredentialsHelper;
	executionId: string;
	workflowData: IWorkflowBase;
	mode: 'manual' | 'internal';
}): IWorkflowExecuteAdditionalData {
	const { credentialsHelper, executionId, workflowData, mode } = options;
	const instanceBaseUrl = 'http://127.0.0.1:5678/';
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks(mode, executionId, workflowData),
		executionId,
		workflowId: workflowData.id,
		userId: 'harness-user',
		projectId: 'harness-project',
		currentNodeExecutionIndex: 0,
		restApiUrl: `${instanceBaseUrl}rest`,
		instanceBaseUrl,
		formBaseUrl: `${instanceBaseUrl}form`,
		formWaitingBaseUrl: `${instanceBaseUrl}form-waiting`,
		formTestBaseUrl: `${instanceBaseUrl}form-test`,
		webhookBaseUrl: `${instanceBaseUrl}webhook`,
		webhookWaitingBaseUrl: `${instanceBaseUrl}webhook-waiting`,
		webhookTestBaseUrl: `${instanceBaseUrl}webhook-test`,
		mcpBaseUrl: `${instanceBaseUrl}mcp`,
		mcpTestBaseUrl: `${instanceBaseUrl}mcp-test`,
		variables: {},
		externalSecretsProxy: new ExternalSecretsProxy(),
		executeWorkflow: notAvailable('Executing a sub-workflow'),
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: notAvailable('The task runner (Code node)'),
	};
}
