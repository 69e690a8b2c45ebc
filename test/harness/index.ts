/**
 * Workflow test harness: runs workflow JSON through n8n-core's engine with the built nodes from
 * dist/, test helper nodes and in-memory credentials. Import it before anything from n8n-core.
 */
import './instance-folder';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { KieSimulatorApi } from '../simulator/types';

export { runWorkflow } from './run-workflow';
export type {
	RunWorkflowOptions,
	WorkflowJson,
	WorkflowRunError,
	WorkflowRunResult,
} from './run-workflow';
export { testCredential } from './credential-test';
export type { CredentialsByType } from './credentials-helper';
export type { BinaryDataMode } from './engine';
export type { FixtureItem } from './nodes/fixture-items';

/** kieApi credential data pointing at a running simulator. */
export function kieCredentials(
	sim: Pick<KieSimulatorApi, 'baseUrl' | 'uploadBaseUrl'>,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		apiKey: 'sim-key',
		baseUrl: sim.baseUrl,
		uploadBaseUrl: sim.uploadBaseUrl,
		webhookHmacKey: '',
		maxNewTasks: 20,
		maxNewTasksWindow: 10,
		maxStatusRequests: 10,
		...overrides,
	};
}
