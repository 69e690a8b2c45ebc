import './instance-folder';

import { CredentialTestContext, ExecuteContext, RoutingNode } from 'n8n-core';
import { NodeHelpers, UnexpectedError, VersionedNodeType, Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunction,
	ICredentialTestRequest,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRunExecutionData,
} from 'n8n-workflow';

import { HarnessCredentialsHelper } from './credentials-helper';
import { createAdditionalData } from './engine';
import { getHarnessTypes } from './node-types';
import type { HarnessTypes } from './node-types';

/** The shape of the `error` n8n's tester inspects: an HTTP error carrying the response, or a network code. */
interface RequestFailure {
	message: string;
	cause?: { code?: string; response?: { status: number; statusText?: string } };
}

type CredentialTest =
	| { kind: 'function'; run: ICredentialTestFunction }
	| { kind: 'request'; testRequest: ICredentialTestRequest; nodeType?: INodeType };

/** n8n's CredentialsTester.getCredentialTestFunction: the type's own `test`, else a node's `testedBy`. */
function findCredentialTest(
	types: HarnessTypes,
	credentialType: string,
): CredentialTest | undefined {
	const { test } = types.getCredentialType(credentialType);
	if (test) return { kind: 'request', testRequest: test };

	for (const nodeTypeName of types.getSupportedNodes(credentialType)) {
		const node = types.getByName(nodeTypeName);
		const versions: INodeType[] =
			node instanceof VersionedNodeType ? Object.values(node.nodeVersions) : [node as INodeType];
		for (const nodeType of versions) {
			for (const { name, testedBy } of nodeType.description.credentials ?? []) {
				if (name !== credentialType || !testedBy) continue;
				if (typeof testedBy !== 'string') {
					return { kind: 'request', testRequest: testedBy, nodeType };
				}
				const newestFirst =
					node instanceof VersionedNodeType
						? Object.keys(node.nodeVersions)
								.sort()
								.reverse()
								.map((version) => node.nodeVersions[Number(version)])
						: [node as INodeType];
				for (const candidate of newestFirst) {
					const run = candidate.methods?.credentialTest?.[testedBy];
					if (run) return { kind: 'function', run };
				}
			}
		}
	}
	return undefined;
}

/**
 * Runs a credential type's test the way n8n's CredentialsTester.testCredentials does
 * (packages/cli/src/services/credentials-tester.service.ts), for the credential dialog's
 * "Test" button. A declarative `test`: defaults applied to the data, a temporary node built from
 * n8n-nodes-base.noOp's description whose one property routes the test request, n8n-core's
 * RoutingNode sending it with the credential's authentication, then the test's `rules`. A
 * node's `testedBy` function: called with n8n-core's CredentialTestContext. The tester's code is
 * reproduced step for step (it lives in n8n's CLI package, which is not installed); the request
 * and authentication are n8n-core's.
 */
export async function testCredential(
	credentialData: ICredentialDataDecryptedObject,
	credentialType = 'kieApi',
): Promise<INodeCredentialTestResult> {
	const types = await getHarnessTypes();
	const credentialTest = findCredentialTest(types, credentialType);
	if (!credentialTest) {
		return { status: 'Error', message: 'No testing function found for this credential.' };
	}

	const credentialsDecrypted: ICredentialsDecrypted = {
		id: 'harness-credential',
		name: 'Harness credential',
		type: credentialType,
		data: structuredClone(credentialData),
	};
	const credentialsHelper = new HarnessCredentialsHelper(types, {
		[credentialType]: credentialsDecrypted.data ?? {},
	});

	const additionalData = createAdditionalData({
		credentialsHelper,
		executionId: 'credential-test',
		workflowData: {
			id: 'credential-test',
			name: 'Credential test',
			active: false,
			isArchived: false,
			activeVersionId: null,
			createdAt: new Date(),
			updatedAt: new Date(),
			nodes: [],
			connections: {},
		},
		mode: 'internal',
	});

	try {
		credentialsDecrypted.data = await credentialsHelper.applyDefaultsAndOverwrites(
			additionalData,
			credentialsDecrypted.data ?? {},
			credentialType,
			'internal',
		);
	} catch (error) {
		return { status: 'Error', message: String((error as Error).message) };
	}

	if (credentialTest.kind === 'function') {
		return await credentialTest.run.call(new CredentialTestContext(), credentialsDecrypted);
	}

	const { testRequest } = credentialTest;
	const nodeType = credentialTest.nodeType ?? types.getByNameAndVersion('n8n-nodes-base.noOp');
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		// n8n's NodeTypes serves n8n-nodes-base descriptions under their full names.
		type: credentialTest.nodeType ? nodeType.description.name : 'n8n-nodes-base.noOp',
		typeVersion: Array.isArray(nodeType.description.version)
			? nodeType.description.version.slice(-1)[0]
			: nodeType.description.version,
		position: [0, 0],
		credentials: {
			[credentialType]: { id: credentialsDecrypted.id, name: credentialsDecrypted.name },
		},
	};

	const nodeTypeCopy: INodeType = {
		description: {
			...nodeType.description,
			name: node.type,
			credentials: [{ name: credentialType, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const mockNodeTypes: INodeTypes = {
		getKnownTypes: () => ({}),
		getByName: (name) => {
			if (name !== node.type) throw new UnexpectedError('Unknown node type', { tags: { name } });
			return nodeTypeCopy;
		},
		getByNameAndVersion: (name, version) =>
			NodeHelpers.getVersionedNodeType(mockNodeTypes.getByName(name), version),
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: mockNodeTypes,
	});

	const runExecutionData: IRunExecutionData = { resultData: { runData: {} } } as IRunExecutionData;
	const executeData: IExecuteData = { node, data: {}, source: null };
	const executeFunctions = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const routingNode = new RoutingNode(executeFunctions, nodeTypeCopy, credentialsDecrypted);

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (caught) {
		const error = caught as RequestFailure;
		if (error.cause?.response) {
			const statusCode = error.cause.response.status;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: error.cause.response.statusText || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response![0][0].json;
			if (getPath(responseData, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}

	return { status: 'OK', message: 'Connection successful!' };
}

/** lodash `get` for the dotted keys credential rules use. */
function getPath(data: unknown, key: string): unknown {
	return key
		.split('.')
		.reduce<unknown>(
			(value, part) =>
				value !== null && typeof value === 'object'
					? (value as Record<string, unknown>)[part]
					: undefined,
			data,
		);
}
