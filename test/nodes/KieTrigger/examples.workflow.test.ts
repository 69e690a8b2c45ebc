/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/** The callback examples in examples/: well formed, and the fire-and-forget one runs end to end. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../harness';
import type { WorkflowJson } from '../../harness';
import { getHarnessTypes, packageRoot } from '../../harness/node-types';
import { kieAccount, type TriggerEndpoint, useTriggerFixture } from '../../helpers/trigger';

const fixture = useTriggerFixture();
const { configure, submitCredentials } = fixture;
let endpoint: TriggerEndpoint;
beforeAll(() => {
	({ endpoint } = fixture);
});

describe('the callback examples', () => {
	const examples = {
		fireAndForget: 'examples/callback-fire-and-forget.json',
		waitNode: 'examples/callback-wait-node.json',
	};
	const load = (file: string) =>
		JSON.parse(readFileSync(path.resolve(packageRoot, file), 'utf8')) as WorkflowJson;
	const nodeNamed = (workflow: WorkflowJson, name: string) => {
		const node = workflow.nodes.find((candidate) => candidate.name === name);
		if (!node) throw new Error(`The example has no node "${name}"`);
		return node;
	};

	it.each(Object.values(examples))('%s is a well-formed workflow', (file) => {
		const workflow = load(file);
		const names = workflow.nodes.map((node) => node.name);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(names.length);
		for (const [source, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(source);
			for (const connection of outputs.main.flat()) expect(names).toContain(connection!.node);
		}
	});

	it.each(Object.values(examples))(
		'%s gives this package’s nodes only parameters they have, without issues',
		async (file) => {
			const types = await getHarnessTypes();
			const ours = load(file).nodes.filter((node) => node.type.startsWith('n8n-nodes-kie.'));
			expect(ours.length).toBeGreaterThan(0);
			for (const node of ours) {
				const { description } = types.getByNameAndVersion(node.type, node.typeVersion);
				const shown = NodeHelpers.getNodeParameters(
					description.properties,
					node.parameters,
					true,
					false,
					node,
					description,
				)!;
				expect({
					node: node.name,
					unknown: Object.keys(node.parameters).filter((key) => !(key in shown)),
				}).toEqual({
					node: node.name,
					unknown: [],
				});
				const optionNames = (
					description.properties.find(
						(property) =>
							property.name === 'options' &&
							NodeHelpers.displayParameter(shown, property, node, description),
					)?.options ?? []
				).map((option) => (option as { name: string }).name);
				const options = (node.parameters.options ?? {}) as IDataObject;
				expect(Object.keys(options).filter((key) => !optionNames.includes(key))).toEqual([]);
				expect(
					NodeHelpers.getNodeParametersIssues(description.properties, node, description),
				).toBeNull();
			}
		},
	);

	it('the Wait example submits with the resume URL and resumes on a POST', () => {
		const workflow = load(examples.waitNode);
		const submit = nodeNamed(workflow, 'Submit with resume URL');
		expect(submit.parameters).toMatchObject({
			waitForCompletion: false,
			options: { callbackUrl: '={{ $execution.resumeUrl }}' },
		});
		expect(nodeNamed(workflow, 'Wait for Kie.ai callback').parameters).toMatchObject({
			resume: 'webhook',
			httpMethod: 'POST',
		});
	});

	it('the fire-and-forget example runs: its Submit node’s tasks come back through its Kie.ai Trigger', async () => {
		const example = load(examples.fireAndForget);
		const submit = structuredClone(nodeNamed(example, 'Submit (no wait)'));
		// What the user does after activating: paste the trigger's production URL.
		(submit.parameters.options as IDataObject).callbackUrl = endpoint.url;
		submit.credentials = kieAccount;
		const trigger = nodeNamed(example, 'Kie.ai Trigger');
		configure(trigger.parameters);

		const prompts = ['a lighthouse', 'a red fox', 'a city of books'];
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: 'manual',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'prompts',
						name: 'Prompts',
						type: 'test.fixtureItems',
						typeVersion: 1,
						position: [200, 0],
						parameters: { items: JSON.stringify(prompts.map((prompt) => ({ json: { prompt } }))) },
					},
					submit,
				],
				connections: {
					Start: { main: [[{ node: 'Prompts', type: 'main', index: 0 }]] },
					Prompts: { main: [[{ node: submit.name, type: 'main', index: 0 }]] },
				},
			},
			{ credentials: { kieApi: submitCredentials() } },
		);
		expect(result.error).toBeUndefined();
		const submitted = result.outputOf(submit.name).map((item) => item.json.taskId as string);
		expect(submitted).toHaveLength(3);

		const deliveries = await endpoint.waitForDeliveries(3);
		const items = deliveries.flatMap((delivery) => delivery.items);
		expect(new Set(items.map((item) => item.json.taskId))).toEqual(new Set(submitted));
		for (const item of items) {
			expect(item.json.state).toBe('success');
			expect((item.json.param as IDataObject).input).toMatchObject({
				prompt: expect.stringMatching(/lighthouse|fox|books/),
			});
			expect(item.binary?.data).toMatchObject({
				mimeType: 'image/png',
				fileName: `${String(item.json.taskId)}_0.png`,
			});
		}
	});
});
