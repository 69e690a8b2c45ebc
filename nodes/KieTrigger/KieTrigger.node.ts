import {
	type IDataObject,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { getKieAccount, KieClient } from '../Kie/client';
import { kieNodeLook } from '../Kie/shared/nodeLook';
import { downloadLimitOptions, downloadResults, readDownloadLimits } from '../Kie/shared/results';
import { readRecord } from './record';
import { claimDelivery } from './repeats';
import { judgeRecord, screenCallback, type TriggerRules } from './rules';
import { DEFAULT_TOLERANCE_SECONDS } from './signature';

/** Answers the request directly, so that n8n neither answers again nor starts the workflow. */
function respond(ctx: IWebhookFunctions, status: number, body: IDataObject): void {
	const res = ctx.getResponseObject();
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(body));
}

function reject(
	ctx: IWebhookFunctions,
	status: 400 | 401,
	reason: string,
	message: string,
): IWebhookResponseData {
	ctx.logger.warn(`Kie.ai Trigger rejected a callback (HTTP ${status}): ${message}`, {
		node: ctx.getNode().name,
		reason,
	});
	respond(ctx, status, { error: message, reason });
	return { noWebhookResponse: true };
}

function rulesOf(ctx: IWebhookFunctions, hmacKey: string): TriggerRules {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	const tolerance = Number(options.timestampTolerance);
	return {
		hmacKey,
		nowMs: Date.now(),
		toleranceSeconds:
			Number.isFinite(tolerance) && tolerance > 0 ? tolerance : DEFAULT_TOLERANCE_SECONDS,
		sunoStages: options.sunoStages === true,
		states: Array.isArray(options.states) ? (options.states as string[]) : [],
	};
}

export class KieTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kie.ai Trigger',
		name: 'kieTrigger',
		icon: { light: 'file:kie.svg', dark: 'file:kie.dark.svg' },
		...kieNodeLook(),
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Task finished" + ($parameter["downloadResults"] ? ", with files" : "")}}',
		description:
			'Starts the workflow when a Kie.ai task (image, video, music, speech) finishes and Kie.ai calls its callback URL',
		defaults: { name: 'Kie.ai Trigger' },
		inputs: [],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'kie',
			},
		],
		properties: [
			{
				displayName:
					'Put this trigger’s Production URL in the Kie.ai node under Options → Callback URL, then activate the workflow.',
				name: 'callbackNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'With a Webhook HMAC Key in the credential (from kie.ai/settings), only callbacks signed by Kie.ai in the last few minutes start the workflow; anything else is answered with HTTP 401.',
				name: 'signatureNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Skip Repeated Callbacks',
				name: 'skipRepeatedCallbacks',
				type: 'boolean',
				default: true,
				description:
					'Whether to acknowledge, without running the workflow, a callback for a task this trigger already ran the workflow for. Kie.ai repeats callbacks it believes were lost. Remembered for 24 hours by this n8n instance.',
			},
			{
				displayName: 'Download Results',
				name: 'downloadResults',
				type: 'boolean',
				default: false,
				description:
					'Whether to download each result file of a successful task as binary data (data, data_1, …). Kie.ai is answered before the download starts.',
			},
			{
				displayName: 'Binary Property Prefix',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				displayOptions: { show: { downloadResults: [true] } },
				description: 'Name of the first result file property; further files get _1, _2, …',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Max Signature Age (Seconds)',
						name: 'timestampTolerance',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: DEFAULT_TOLERANCE_SECONDS,
						description:
							'How far X-Webhook-Timestamp may be from this server’s clock, either way, before a signed callback is refused as a replay',
					},
					{
						displayName: 'Include Suno Early Stages',
						name: 'sunoStages',
						type: 'boolean',
						default: false,
						description:
							'Whether Suno’s "text" (lyrics written) and "first" (first track ready) callbacks start the workflow too, each once, with callbackType set. Off: one item per song, on "complete".',
					},
					{
						displayName: 'Task States',
						name: 'states',
						type: 'multiOptions',
						options: [
							{ name: 'Success', value: 'success' },
							{ name: 'Fail', value: 'fail' },
						],
						default: ['success', 'fail'],
						description:
							'Which finished tasks start the workflow (none selected: all). Other callbacks are acknowledged and ignored.',
					},
					...downloadLimitOptions,
				],
			},
		],
	};

	// Kie.ai has no webhook registry: the callback URL travels with each task (callBackUrl), so
	// there is nothing to create or delete. n8n's community rules still ask for the lifecycle.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const account = await getKieAccount(this);
		const rules = rulesOf(this, account.webhookHmacKey);
		const screened = screenCallback(
			{ body: this.getBodyData(), headers: this.getHeaderData() as Record<string, unknown> },
			rules,
		);
		if (screened.verdict === 'refuse') {
			return reject(this, screened.status, screened.reason, screened.message);
		}
		if (screened.verdict === 'ignore') {
			return { webhookResponse: { received: true, ignored: screened.reason } };
		}

		const skipRepeats = this.getNodeParameter('skipRepeatedCallbacks', true) as boolean;
		// Per mode too: a task the editor's test URL received still reaches the production workflow.
		const triggerKey = `${this.getWorkflow().id ?? ''}:${this.getNode().id}:${this.getMode()}`;
		const claim = skipRepeats
			? claimDelivery(triggerKey, screened.deliveryKey, rules.nowMs)
			: { release: () => undefined };
		if (!claim) return { webhookResponse: { received: true, ignored: 'repeated callback' } };

		// Kie.ai waits 15 s for an answer and then sends the callback again: answer before reading.
		respond(this, 200, { received: true });
		const client = new KieClient(this, account);
		const judgement = judgeRecord(screened, await readRecord(client, screened), rules);
		if (judgement.verdict === 'ignore') {
			claim.release();
			this.logger.debug(`Kie.ai Trigger ignored a callback: ${judgement.reason}`, {
				node: this.getNode().name,
				taskId: screened.taskId,
			});
			return { noWebhookResponse: true };
		}

		const item: INodeExecutionData = { json: judgement.json };
		const wantsFiles = this.getNodeParameter('downloadResults', false) as boolean;
		const { task } = judgement;
		if (wantsFiles && task?.state === 'success' && task.resultUrls.length > 0) {
			const prefix =
				String(this.getNodeParameter('binaryPropertyName', 'data') ?? '').trim() || 'data';
			const options = this.getNodeParameter('options', {}) as IDataObject;
			const { binary, downloadErrors } = await downloadResults(
				this,
				client,
				task,
				prefix,
				readDownloadLimits(options),
			);
			if (binary) item.binary = binary;
			if (downloadErrors) item.json.downloadErrors = downloadErrors;
		}
		return { workflowData: [[item]], noWebhookResponse: true };
	}
}
