/**
 * Veo 3.1's 1080P and 4K versions of a finished task (the catalogue's `veo/1080p` and `veo/4k`)
 * on the one pipeline: check the fields → read the original (free) and check it → build → create
 * → wait → the item. The 1080P file is not a task: it is asked for until ready (code 500 among
 * Kie's "still processing" answers, client/veoHd.ts).
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { check, describeValue, KieInputError, type ModelData, type Naming } from '../../catalogue';
import { CONTINUATIONS } from '../../catalogue/modelCatalogue';
import { KieRequestError, type KieTask } from '../../client';
import { TaskTimeoutError } from '../common/errors';
import { buildChecked } from '../common/runModel';
import {
	completeTask,
	readCallbackUrl,
	type ItemRun,
	type TaskOptions,
} from '../common/taskOutput';

/** The panel's names (both versions show the same Veo upscale fields). */
const NAMES: Readonly<Record<string, { param: string; label: string }>> = {
	taskId: { param: 'taskId', label: 'Task ID' },
	index: { param: 'options.videoIndex', label: 'Video Index' },
};

const naming: Naming = {
	param: (field) => NAMES[field.name]?.param ?? field.name,
	binaryParam: (field) => field.name,
	label: (field) => NAMES[field.name]?.label ?? field.name,
	modelName: 'Veo 3.1',
};

/** Resolution → the catalogue's veo/1080p or veo/4k. */
export function veoUpscaleModel(resolution: unknown): ModelData {
	const wanted = typeof resolution === 'string' ? resolution.trim().toLowerCase() : '';
	const model = CONTINUATIONS.find(
		(candidate) => candidate.operation === 'upscale' && candidate.id === `veo/${wanted}`,
	);
	if (model) return model;
	throw new KieInputError(
		'resolution',
		resolution,
		`Resolution ${describeValue(resolution)} is not a Veo 3.1 upscale. Allowed: 1080p, 4K`,
		'1080p, 4k',
	);
}

/** The 4K task of an earlier request for the same video, from Kie's 422 answer to a repeat. */
function earlierFourKTask(error: unknown): string | undefined {
	if (!(error instanceof KieRequestError) || error.code !== 422) return undefined;
	const data = error.info.data as { taskId?: unknown } | undefined;
	return typeof data?.taskId === 'string' && data.taskId !== '' ? data.taskId : undefined;
}

/** The original must be a finished Veo video that has the requested index. */
function checkOriginal(original: KieTask, model: ModelData, index: number): void {
	const fourK = model.api === 'veo-4k';
	if (original.state !== 'success') {
		throw new KieInputError(
			'taskId',
			original.taskId,
			`Veo 3.1 task ${original.taskId} is "${original.state}", not finished: Kie.ai makes the ${fourK ? '4K' : '1080p'} version of a successful video only`,
			'the taskId of a successful Veo 3.1 video',
		);
	}
	if (!fourK && original.extra?.fallbackFlag === true) {
		throw new KieInputError(
			'taskId',
			original.taskId,
			`Veo 3.1 task ${original.taskId} was made by the fallback model, which has no 1080p version`,
		);
	}
	if (index >= Math.max(1, original.resultUrls.length)) {
		throw new KieInputError(
			'options.videoIndex',
			index,
			`Task ${original.taskId} has ${original.resultUrls.length} video(s); index ${index} does not exist`,
			`0 to ${original.resultUrls.length - 1}`,
		);
	}
}

export async function runVeoUpscale(
	ctx: IExecuteFunctions,
	itemIndex: number,
	run: ItemRun,
	model: ModelData,
	values: { taskId: string; index: unknown },
	options: TaskOptions,
): Promise<INodeExecutionData[]> {
	const parameters = { [NAMES.taskId.param]: values.taskId, [NAMES.index.param]: values.index };
	const checked = check(model, parameters, readCallbackUrl(ctx, itemIndex), true, naming);
	const request = await buildChecked(ctx, itemIndex, run, checked, naming);
	const index = Number(request.body.index);

	run.progress.taskId = values.taskId;
	run.progress.api = request.api;
	const original = await run.client.getTask(values.taskId, request.api);
	run.progress.state = original.state;
	checkOriginal(original, model, index);

	if (model.api === 'veo-4k') {
		const created = await run.client
			.createTask(
				{ ...request, model: original.model ?? 'veo3', kind: 'veo|4k-upscale' },
				run.client.deadlineIn(options.timeoutSeconds * 1000),
			)
			.catch(async (error: unknown) => {
				// Asked before: Kie answers 422 with the earlier 4K task ("processing" or "has been
				// generated"). That task is the one to wait for; it costs nothing more.
				const earlier = earlierFourKTask(error);
				if (!earlier) throw error;
				return await run.client.getTask(earlier, request.api);
			});
		return await completeTask(ctx, itemIndex, run, created, options);
	}

	const hd = await run.client.waitForVeoHd(original, index, {
		timeoutMs: options.timeoutSeconds * 1000,
		pollIntervalMs: options.pollIntervalSeconds * 1000,
	});
	const hdUrl = hd.task.state === 'success' ? hd.task.resultUrls[0] : undefined;
	if (!hdUrl) {
		throw new TaskTimeoutError({ ...original, state: 'generating' }, options.timeoutSeconds);
	}
	// The Veo task item, with the 1080p file as its result.
	const upscaled: KieTask = {
		...original,
		resultUrls: [hdUrl],
		extra: { ...original.extra, resolution: '1080p', originalResultUrls: original.resultUrls },
	};
	return await completeTask(ctx, itemIndex, run, upscaled, {
		...options,
		waitForCompletion: false,
	});
}
