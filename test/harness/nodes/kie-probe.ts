/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

/**
 * Test-only node (type `test.kieProbe`): one authenticated GET {baseUrl}/api/v1/chat/credit per
 * input item through `httpRequestWithAuthentication`, emitting the response body. It proves the
 * `kieApi` credential works through n8n's engine independently of the real Kie node.
 */
export class KieProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kie Probe (test)',
		name: 'kieProbe',
		group: ['transform'],
		version: 1,
		description: "Reads Kie.ai's credit endpoint with the kieApi credential",
		defaults: { name: 'Kie Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kieApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('kieApi', itemIndex);
			const body = (await this.helpers.httpRequestWithAuthentication.call(this, 'kieApi', {
				method: 'GET',
				url: `${baseUrl.replace(/\/+$/, '')}/api/v1/chat/credit`,
				json: true,
			})) as IDataObject;
			output.push({ json: body, pairedItem: { item: itemIndex } });
		}
		return [output];
	}
}
