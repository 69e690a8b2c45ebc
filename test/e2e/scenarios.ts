/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * One scenario per example workflow in examples/: what to put on disk before it runs and what a
 * user would check afterwards (URLs, states, files, binaries, what Kie was asked to do).
 * Every examples/*.json must have a scenario here; the runner fails for one that has none.
 */
import { createHash, createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import type { ChatSimulator } from '../chat-simulator';
import { makePng, type KieSimulatorApi, type RecordedRequest } from '../simulator';
import type { Checks } from './checks';
import { agentScenarios } from './scenarios-agent';
import { alephScenarios, writeSampleClip } from './scenarios-aleph';
import { audioScenarios } from './scenarios-audio';
import { chatScenarios } from './scenarios-chat';
import { sunoScenarios } from './scenarios-suno';
import { catalogueScenarios, writeCatalogueSamples } from './scenarios-catalogue';
import { videoScenarios } from './scenarios-video';
import {
	eventually,
	type ExecutionResult,
	type N8nDatabase,
	nodeOutput,
	type OutputItem,
} from './n8n';
import { checkBatchAnswer, postBatch, QUEUE_EXAMPLE } from './queue-mode';

/** The folder the examples read and write; the runner points it at a fresh folder per run. */
export const EXAMPLES_FILES_FOLDER = '/tmp/n8n-kie/';
/** The public n8n URL the callback examples use; the runner points it at its `n8n start`. */
export const EXAMPLES_PUBLIC_URL = 'https://your-n8n.example.com/';

export interface ScenarioContext {
	sim: KieSimulatorApi;
	/** Stands in for EXAMPLES_FILES_FOLDER. */
	filesFolder: string;
	examplesFolder: string;
	/** Stands in for EXAMPLES_PUBLIC_URL: the `n8n start` of the server phase, with a final "/". */
	serverUrl: string;
	/** The credential's (and the simulator's) webhook HMAC key. */
	webhookHmacKey: string;
	database: N8nDatabase;
	/** The OpenAI-compatible chat simulator behind the agent example's credential. */
	chat?: ChatSimulator;
}

export interface Scenario {
	/** File name in examples/. */
	file: string;
	/** Workflow id given at import (n8n ids are at most 16 characters). */
	workflowId: string;
	/**
	 * 'cli' (default): `n8n execute` alone. 'server': `n8n start` runs beside it, for webhooks
	 * (the Kie.ai Trigger, a Wait node's resume URL) that finish the work after `execute` ends.
	 */
	phase?: 'cli' | 'server';
	/** Activate before `n8n start` (production webhooks of trigger nodes). */
	activate?: boolean;
	/** Not run with `n8n execute`: `check` starts it through its webhook (server phase). */
	startedByWebhook?: boolean;
	/** The status `n8n execute` reports. Default 'success'. */
	expectedStatus?: string;
	prepare?(context: ScenarioContext): Promise<void>;
	/** Changes this scenario's copy of the example before import (a variant of a shared example). */
	rewrite?(workflow: Record<string, unknown>): void;
	check(context: ScenarioContext, execution: ExecutionResult, checks: Checks): Promise<void>;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface CreateBody {
	model: string;
	input: Record<string, unknown>;
	callBackUrl?: string;
}

function createRequests(sim: KieSimulatorApi): CreateBody[] {
	return sim.record.requests
		.filter((request) => request.endpoint === 'createTask' && request.status === 200)
		.map((request) => request.body as CreateBody);
}

function sha256(bytes: Buffer): string {
	return createHash('sha256').update(bytes).digest('hex');
}

async function fetchBytes(url: string): Promise<Buffer> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
	return Buffer.from(await response.arrayBuffer());
}

/** Every request reached Kie with the credential's key and no request was rate limited. */
function checkAccount(sim: KieSimulatorApi, checks: Checks): void {
	const apiRequests = sim.record.requests.filter(
		(request: RecordedRequest) => request.endpoint !== 'file',
	);
	const unauthorised = apiRequests.filter(
		(request) => request.headers.authorization !== 'Bearer sim-key',
	);
	checks.that(
		unauthorised.length === 0,
		`${unauthorised.length} request(s) without "Authorization: Bearer sim-key": ${unauthorised.map((r) => r.path).join(', ')}`,
	);
	checks.equal(sim.record.rateLimitedCount(), 0, 'creates answered 429');
}

/**
 * A finished task item: Kie's state, result URLs on the simulator, and (when downloaded) the
 * binary with the right MIME type, file name and bytes.
 */
async function checkTaskItem(
	context: ScenarioContext,
	item: OutputItem,
	checks: Checks,
	label: string,
	binaryProperty: string | undefined,
): Promise<void> {
	const { sim } = context;
	const json = item.json;
	const taskId = json.taskId as string;
	checks.that(
		typeof taskId === 'string' && sim.record.tasks.has(taskId),
		`${label}: taskId ${taskId} is not a task the simulator created`,
	);
	checks.equal(json.state, 'success', `${label}: state`);
	checks.equal(json.model, 'nano-banana-pro', `${label}: model`);
	const urls = json.resultUrls as string[] | undefined;
	if (!checks.that(Array.isArray(urls) && urls.length > 0, `${label}: resultUrls is empty`)) return;
	for (const url of urls!) {
		checks.that(
			url.startsWith(`${sim.baseUrl}/files/results/${taskId}_`),
			`${label}: result URL ${url} is not the simulator's file of task ${taskId}`,
		);
	}
	if (binaryProperty === undefined) {
		checks.that(
			item.binary === undefined || Object.keys(item.binary).length === 0,
			`${label}: has binary data although Download Results is off`,
		);
		return;
	}
	const binary = item.binary?.[binaryProperty];
	if (
		!checks.that(
			binary !== undefined,
			`${label}: no binary property "${binaryProperty}" (has: ${Object.keys(item.binary ?? {}).join(', ') || 'none'})`,
		)
	) {
		return;
	}
	checks.equal(binary!.mimeType, 'image/png', `${label}: binary mimeType`);
	checks.equal(binary!.fileName, `${taskId}_0.png`, `${label}: binary fileName`);
	checks.equal(binary!.fileExtension, 'png', `${label}: binary fileExtension`);
	if (binary!.id === undefined) {
		const bytes = Buffer.from(binary!.data, 'base64');
		checks.that(bytes.subarray(0, 8).equals(PNG_SIGNATURE), `${label}: binary data is not a PNG`);
		const served = await fetchBytes(urls![0]);
		checks.equal(
			sha256(bytes),
			sha256(served),
			`${label}: sha256 of the binary vs the result file`,
		);
	}
}

async function checkWrittenFile(
	context: ScenarioContext,
	fileName: string,
	expectedBytesFrom: string,
	checks: Checks,
	label: string,
): Promise<void> {
	const written = path.join(context.filesFolder, fileName);
	if (!checks.that(existsSync(written), `${label}: ${written} was not written`)) return;
	const served = await fetchBytes(expectedBytesFrom);
	checks.equal(
		sha256(await readFile(written)),
		sha256(served),
		`${label}: sha256 of ${fileName} vs the result file`,
	);
}

/** RFC 4180 enough for the results table: quoted fields, doubled quotes, a BOM. */
export function parseCsv(text: string): Array<Record<string, string>> {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	const source = text.replace(/^\uFEFF/, '');
	for (let index = 0; index < source.length; index++) {
		const char = source[index];
		if (quoted) {
			if (char === '"' && source[index + 1] === '"') {
				field += '"';
				index++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && source[index + 1] === '\n') index++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += char;
	}
	if (field !== '' || row.length > 0) {
		row.push(field);
		rows.push(row);
	}
	const [header, ...body] = rows.filter((cells) => cells.some((cell) => cell !== ''));
	return body.map((cells) =>
		Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])),
	);
}

/** A row the e2e adds to the sample CSV: the simulator fails tasks whose prompt has "[fail]". */
const FAILING_ROW = {
	name: 'will-fail',
	prompt: 'A lighthouse at dusk [fail]',
	aspect_ratio: '3:2',
};

export const scenarios: Scenario[] = [
	{
		file: 'generate-image-to-disk.json',
		workflowId: 'kieE2eGenerate01',
		async check(context, execution, checks) {
			const { sim } = context;
			const items = nodeOutput(execution, 'Generate image');
			checks.equal(items.length, 1, 'Generate image: item count');
			await checks.section('Generate image', () =>
				checkTaskItem(context, items[0], checks, 'Generate image', 'data'),
			);
			const creates = createRequests(sim);
			checks.equal(creates.length, 1, 'tasks created');
			checks.equal(
				creates[0]?.input,
				{
					prompt:
						'A cosy reading nook by a rain-streaked window, warm lamp light, a cat asleep on a knitted blanket, soft watercolour illustration',
					aspect_ratio: '4:3',
					resolution: '1K',
					output_format: 'png',
				},
				'createTask input',
			);
			const taskId = items[0]?.json.taskId as string;
			const url = (items[0]?.json.resultUrls as string[] | undefined)?.[0];
			if (url)
				await checks.section('Save image to disk', () =>
					checkWrittenFile(context, `${taskId}_0.png`, url, checks, 'Save image to disk'),
				);
			checkAccount(sim, checks);
		},
	},
	{
		file: 'scheduled-content-pipeline.json',
		workflowId: 'kieE2eSchedule01',
		async check(context, execution, checks) {
			const { sim } = context;
			const generated = nodeOutput(execution, 'Generate images');
			checks.equal(generated.length, 3, 'Generate images: item count');
			for (const [index, item] of generated.entries()) {
				await checks.section(`Generate images item ${index}`, () =>
					checkTaskItem(context, item, checks, `Generate images item ${index}`, undefined),
				);
			}
			const published = nodeOutput(execution, 'Shape for publishing');
			checks.equal(published.length, 3, 'Shape for publishing: item count');
			const prompts = nodeOutput(execution, 'One item per prompt').map((item) => item.json.prompt);
			for (const [index, item] of published.entries()) {
				const label = `Shape for publishing item ${index}`;
				checks.equal(
					Object.keys(item.json).sort(),
					['generatedAt', 'prompt', 'taskId', 'url'],
					`${label}: fields`,
				);
				checks.equal(item.json.prompt, prompts[index], `${label}: prompt (items keep their order)`);
				const task = sim.record.tasks.get(item.json.taskId as string);
				// pairedItem: the prompt shown next to a URL is the prompt that task was created with
				checks.equal(
					task?.input.prompt,
					item.json.prompt,
					`${label}: the task behind the URL was made from this prompt`,
				);
				checks.equal(item.json.url, task?.resultUrls[0], `${label}: url`);
				checks.that(
					!Number.isNaN(Date.parse(String(item.json.generatedAt))),
					`${label}: generatedAt is not a date`,
				);
			}
			const creates = createRequests(sim);
			checks.equal(creates.length, 3, 'tasks created');
			for (const create of creates) {
				checks.equal(
					[create.input.aspect_ratio, create.input.resolution],
					['4:5', '2K'],
					'createTask aspect_ratio, resolution',
				);
			}
			checkAccount(sim, checks);
		},
	},
	{
		file: 'batch-from-csv.json',
		workflowId: 'kieE2eBatchCsv01',
		async prepare(context) {
			const sample = await readFile(path.join(context.examplesFolder, 'prompts.csv'), 'utf8');
			const extra = `${FAILING_ROW.name},"${FAILING_ROW.prompt}",${FAILING_ROW.aspect_ratio}\n`;
			await writeFile(
				path.join(context.filesFolder, 'prompts.csv'),
				`${sample.trimEnd()}\n${extra}`,
			);
		},
		async check(context, execution, checks) {
			const { sim } = context;
			const sample = parseCsv(
				await readFile(path.join(context.examplesFolder, 'prompts.csv'), 'utf8'),
			);
			const inputRows = [...sample, FAILING_ROW];
			const resultsPath = path.join(context.filesFolder, 'results.csv');
			if (!checks.that(existsSync(resultsPath), `results.csv was not written to ${resultsPath}`))
				return;
			const results = parseCsv(await readFile(resultsPath, 'utf8'));
			checks.equal(results.length, inputRows.length, 'results.csv rows');
			checks.equal(
				Object.keys(results[0] ?? {}),
				['name', 'prompt', 'state', 'imageUrl', 'taskId', 'error'],
				'results.csv columns',
			);
			for (const [index, input] of inputRows.entries()) {
				const row = results[index];
				if (!row) continue;
				const label = `results.csv row ${index + 1} (${input.name})`;
				checks.equal(
					[row.name, row.prompt],
					[input.name, input.prompt],
					`${label}: name, prompt (rows keep their order)`,
				);
				const task = sim.record.tasks.get(row.taskId);
				checks.that(
					task !== undefined,
					`${label}: taskId "${row.taskId}" is not a task the simulator created`,
				);
				checks.equal(
					task?.input.prompt,
					input.prompt,
					`${label}: the task was made from this row's prompt`,
				);
				checks.equal(
					task?.input.aspect_ratio,
					input.aspect_ratio,
					`${label}: aspect_ratio from the CSV`,
				);
				if (input === FAILING_ROW) {
					checks.equal(row.state, 'fail', `${label}: state`);
					checks.that(row.imageUrl === '', `${label}: a failed task has no image URL`);
					checks.that(row.error.length > 0, `${label}: the error column is empty`);
				} else {
					checks.equal(row.state, 'success', `${label}: state`);
					checks.that(
						row.imageUrl.startsWith(`${sim.baseUrl}/files/results/${row.taskId}_`),
						`${label}: imageUrl ${row.imageUrl}`,
					);
					checks.equal(row.error, '', `${label}: error`);
				}
			}
			const generated = nodeOutput(execution, 'Generate an image per row');
			checks.equal(generated.length, inputRows.length, 'Generate an image per row: item count');
			const failed = generated.find((item) => item.json.state === 'fail');
			checks.that(
				failed !== undefined && typeof failed.json.taskId === 'string',
				'the failed row keeps its taskId (Continue On Fail item)',
			);
			checks.equal(
				sim.record.createdTaskCount(),
				inputRows.length,
				'tasks created (one per row, none repeated)',
			);
			checkAccount(sim, checks);
		},
	},
	{
		file: 'edit-image-from-disk.json',
		workflowId: 'kieE2eEditDisk01',
		async prepare(context) {
			await writeFile(
				path.join(context.filesFolder, 'product-photo.png'),
				makePng('product photo', 64),
			);
		},
		async check(context, execution, checks) {
			const { sim } = context;
			const photo = await readFile(path.join(context.filesFolder, 'product-photo.png'));
			const uploads = sim.record.requests.filter((request) =>
				['streamUpload', 'base64Upload', 'urlUpload'].includes(request.endpoint),
			);
			checks.equal(uploads.length, 1, 'uploads of the input binary');
			const upload = uploads[0];
			if (upload?.endpoint === 'streamUpload') {
				const files =
					(upload.body as { files?: Array<{ sha256: string; mimeType: string }> }).files ?? [];
				checks.equal(
					files.map((file) => [file.sha256, file.mimeType]),
					[[sha256(photo), 'image/png']],
					'uploaded file (sha256, type)',
				);
			} else if (upload?.endpoint === 'base64Upload') {
				const data = String((upload.body as { base64Data?: string }).base64Data ?? '').replace(
					/^data:[^,]*,/,
					'',
				);
				checks.equal(sha256(Buffer.from(data, 'base64')), sha256(photo), 'uploaded file (sha256)');
			}
			const creates = createRequests(sim);
			checks.equal(creates.length, 1, 'tasks created');
			const imageInput = creates[0]?.input.image_input as string[] | undefined;
			checks.that(
				Array.isArray(imageInput) &&
					imageInput.length === 1 &&
					imageInput[0].startsWith(`${sim.uploadBaseUrl}/`),
				`createTask image_input should be the one uploaded file on ${sim.uploadBaseUrl}, got ${JSON.stringify(imageInput)}`,
			);
			if (imageInput?.[0]) {
				const served = await fetchBytes(imageInput[0]);
				checks.equal(
					sha256(served),
					sha256(photo),
					'the image Kie was given is the photo from disk',
				);
			}
			const items = nodeOutput(execution, 'Edit image');
			checks.equal(items.length, 1, 'Edit image: item count');
			await checks.section('Edit image', () =>
				checkTaskItem(context, items[0], checks, 'Edit image', 'edited'),
			);
			const taskId = items[0]?.json.taskId as string;
			const url = (items[0]?.json.resultUrls as string[] | undefined)?.[0];
			if (url)
				await checks.section('Save edited image', () =>
					checkWrittenFile(context, `edited-${taskId}_0.png`, url, checks, 'Save edited image'),
				);
			checkAccount(sim, checks);
		},
	},
];

const CALLBACK_WEBHOOK_ID = '1b9608b4-29bb-42c9-97c6-e76a024ca2c7';

scenarios.push(
	{
		file: 'callback-fire-and-forget.json',
		workflowId: 'kieE2eCallback01',
		phase: 'server',
		activate: true,
		async check(context, execution, checks) {
			const { sim, serverUrl, database } = context;
			const webhookUrl = `${serverUrl}webhook/${CALLBACK_WEBHOOK_ID}/kie`;
			const submitted = nodeOutput(execution, 'Submit (no wait)');
			checks.equal(submitted.length, 3, 'Submit (no wait): item count');
			for (const [index, item] of submitted.entries()) {
				checks.equal(
					item.json.state,
					'waiting',
					`Submit (no wait) item ${index}: state (not waited for)`,
				);
				checks.that(item.binary === undefined, `Submit (no wait) item ${index}: has binary data`);
			}
			const creates = createRequests(sim);
			checks.equal(
				creates.map((create) => create.callBackUrl),
				[webhookUrl, webhookUrl, webhookUrl],
				'createTask callBackUrl',
			);
			const taskIds = submitted.map((item) => item.json.taskId as string);

			// The simulator calls back (signed) when each task ends; the active workflow saves the images.
			await checks.section('callbacks', async () => {
				await eventually('3 callbacks answered 200 and 3 images saved', 30_000, async () => {
					const answered = sim.record.callbacks.filter((callback) =>
						taskIds.includes(callback.taskId),
					);
					if (answered.some((callback) => callback.status !== 200)) {
						throw new Error(
							`callback statuses: ${answered.map((callback) => callback.status).join(', ')}`,
						);
					}
					const saved = taskIds.filter((taskId) =>
						existsSync(path.join(context.filesFolder, `${taskId}_0.png`)),
					);
					return answered.length === 3 && saved.length === 3 ? true : undefined;
				});
				for (const taskId of taskIds) {
					const url = sim.record.tasks.get(taskId)?.resultUrls[0];
					if (url)
						await checkWrittenFile(
							context,
							`${taskId}_0.png`,
							url,
							checks,
							`callback of ${taskId}`,
						);
				}
			});

			const webhookRuns = async () =>
				(await database.executions({ workflowId: 'kieE2eCallback01' })).filter(
					(run) => run.mode === 'webhook',
				);
			await checks.section('trigger executions', async () => {
				const runs = await eventually('3 trigger executions finished', 15_000, async () => {
					const found = await webhookRuns();
					return found.length === 3 &&
						found.every((run) => run.status !== 'running' && run.status !== 'new')
						? found
						: undefined;
				});
				for (const run of runs) {
					const error = run.data?.resultData.error?.message;
					checks.that(
						run.status === 'success',
						`trigger execution ${run.id}: ${run.status}${error ? ` (${error})` : ''}`,
					);
				}
				const emitted = runs.flatMap((run) =>
					run.data
						? nodeOutput({ data: run.data }, 'Kie.ai Trigger').map((item) => item.json.taskId)
						: [],
				);
				checks.equal(
					[...emitted].sort(),
					[...taskIds].sort(),
					'task ids the Kie.ai Trigger emitted',
				);
			});

			// Anything not signed with the credential's HMAC key is refused.
			const unsigned = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					code: 200,
					msg: 'ok',
					data: { taskId: taskIds[0], state: 'success' },
				}),
			});
			checks.equal(unsigned.status, 401, 'unsigned callback: HTTP status');

			// Kie may repeat a callback: a correctly signed repeat (Kie's body for the finished task,
			// as recordInfo reports it) is acknowledged by the trigger and starts no execution.
			const record = await fetch(`${sim.baseUrl}/api/v1/jobs/recordInfo?taskId=${taskIds[0]}`, {
				headers: { authorization: 'Bearer sim-key' },
			});
			const recordBody = (await record.json()) as { data: Record<string, unknown> };
			const timestamp = String(Math.floor(Date.now() / 1000));
			const signature = createHmac('sha256', context.webhookHmacKey)
				.update(`${taskIds[0]}.${timestamp}`)
				.digest('base64');
			const repeated = await fetch(webhookUrl, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-webhook-timestamp': timestamp,
					'x-webhook-signature': signature,
				},
				body: JSON.stringify({
					code: 200,
					msg: 'Playground task completed successfully.',
					data: recordBody.data,
				}),
			});
			checks.equal(
				[repeated.status, await repeated.json()],
				[200, { received: true, ignored: 'repeated callback' }],
				'repeated signed callback: HTTP status and answer',
			);
			await checks.section('repeated callback', async () => {
				// Give a wrongly started execution time to show up in the database.
				await new Promise((resolve) => setTimeout(resolve, 2_000));
				const runs = await webhookRuns();
				checks.equal(runs.length, 3, 'trigger executions after the repeated callback');
			});
		},
	},
	{
		file: 'callback-wait-node.json',
		workflowId: 'kieE2eCbWait0001',
		phase: 'server',
		expectedStatus: 'waiting',
		// A 4K image takes Kie minutes; 2 s keeps the callback after the execution starts waiting,
		// as in real use. Should it come before, n8n answers 409 and the simulator retries, as Kie does.
		async prepare(context) {
			context.sim.configure({ generationMs: 2_000 });
		},
		async check(context, execution, checks) {
			const { sim, serverUrl, database } = context;
			const submitted = nodeOutput(execution, 'Submit with resume URL');
			checks.equal(submitted.length, 1, 'Submit with resume URL: item count');
			const taskId = submitted[0]?.json.taskId as string;
			checks.equal(submitted[0]?.json.state, 'waiting', 'Submit with resume URL: state');
			const creates = createRequests(sim);
			checks.equal(creates.length, 1, 'tasks created');
			checks.equal(
				[creates[0]?.input.resolution, creates[0]?.input.aspect_ratio],
				['4K', '16:9'],
				'createTask resolution, aspect_ratio',
			);
			const resumeUrl = creates[0]?.callBackUrl ?? '';
			const resumePrefix = `${serverUrl}webhook-waiting/`;
			const executionId = resumeUrl.startsWith(resumePrefix)
				? resumeUrl.slice(resumePrefix.length)
				: '';
			if (
				!checks.that(
					/^\d+$/.test(executionId),
					`callBackUrl should be the execution's resume URL ${resumePrefix}<id>, got ${resumeUrl}`,
				)
			) {
				return;
			}

			const deliveriesOfTask = () =>
				sim.record.callbacks.filter((callback) => callback.taskId === taskId);
			await checks.section('resumed execution', async () => {
				const [resumed] = await eventually(
					`execution ${executionId} resumed and finished`,
					30_000,
					async () => {
						const found = await database.executions({ id: executionId });
						return found[0] && !['waiting', 'running', 'new'].includes(found[0].status)
							? found
							: undefined;
					},
				).catch(async (error: Error) => {
					// Say where it stopped: no callback, a refused one, or an execution that did not finish.
					const [current] = await database.executions({ id: executionId }).catch(() => []);
					const deliveries = deliveriesOfTask().map(
						(callback) =>
							`#${callback.attempt} HTTP ${callback.status}${callback.error ? ` (${callback.error})` : ''}`,
					);
					throw new Error(
						`${error.message}; execution status now ${current?.status ?? 'unknown'}; callback deliveries: ${deliveries.join(', ') || 'none'}`,
					);
				});
				checks.equal(
					resumed.status,
					'success',
					`execution ${executionId} status after the callback`,
				);
				checks.equal(
					deliveriesOfTask().at(-1)?.status,
					200,
					'status of the last callback delivery',
				);
				// An execution without its run data cannot show the finished task: that is a failure.
				const runData = resumed.data;
				checks.that(runData !== undefined, `execution ${executionId} has no run data`);
				if (!runData) return;
				const finished = nodeOutput({ data: runData }, 'Get finished task');
				checks.equal(finished.length, 1, 'Get finished task: item count');
				checks.equal(finished[0]?.json.taskId, taskId, 'Get finished task: taskId');
				if (finished[0])
					await checkTaskItem(context, finished[0], checks, 'Get finished task', 'data');
			});
		},
	},
);

scenarios.push(...agentScenarios);
scenarios.push(...audioScenarios);
scenarios.push(...videoScenarios);
scenarios.push(...sunoScenarios);
scenarios.push(...alephScenarios);
scenarios.push(...chatScenarios);
scenarios.push(...catalogueScenarios);

/** Writes the workflow with its id and the files folder swapped in, ready for import. */
// The batch endpoint made for queue mode (test/e2e/queue-mode.ts runs it on workers); here, in
// the regular `n8n start`, a POST of three prompts answers with three finished tasks.
scenarios.push({
	file: QUEUE_EXAMPLE,
	workflowId: 'kieE2eQueueBatch',
	phase: 'server',
	activate: true,
	startedByWebhook: true,
	async check(context, _execution, checks) {
		const prompts = ['A lighthouse at dusk', 'A red fox in snow', 'A skyline of stacked books'];
		const answer = await postBatch(context.serverUrl, prompts);
		checkBatchAnswer(context.sim, prompts, answer, checks, 'POST /webhook/kie-batch');
		checks.equal(context.sim.record.createdTaskCount(), 3, 'tasks the simulator created');
	},
});

export async function prepareWorkflowFile(
	context: ScenarioContext,
	scenario: Scenario,
	destination: string,
): Promise<void> {
	const source = await readFile(path.join(context.examplesFolder, scenario.file), 'utf8');
	const rewritten = source
		.split(EXAMPLES_FILES_FOLDER)
		.join(`${context.filesFolder}/`)
		.split(EXAMPLES_PUBLIC_URL)
		.join(context.serverUrl);
	const workflow = JSON.parse(rewritten) as Record<string, unknown>;
	workflow.id = scenario.workflowId;
	scenario.rewrite?.(workflow);
	await writeFile(destination, JSON.stringify(workflow, null, 2));
}

/** Copies the sample inputs so a user running the examples by hand finds them (dev mode). */
export async function copySampleInputs(examplesFolder: string, filesFolder: string): Promise<void> {
	if (!existsSync(path.join(filesFolder, 'prompts.csv'))) {
		await copyFile(path.join(examplesFolder, 'prompts.csv'), path.join(filesFolder, 'prompts.csv'));
	}
	if (!existsSync(path.join(filesFolder, 'product-photo.png'))) {
		// 512 px: Recraft Remove Background (product-photo-cutout.json) needs 256–4096 px a side.
		await writeFile(path.join(filesFolder, 'product-photo.png'), makePng('product photo', 512));
	}
	if (!existsSync(path.join(filesFolder, 'clip.mp4'))) await writeSampleClip(filesFolder);
	await writeCatalogueSamples(filesFolder);
}
