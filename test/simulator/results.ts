/**
 * The shapes of a finished jobs-API task's `resultJson`, per the model's result in the
 * catalogue's data (market/common/get-task-detail: `{resultUrls: []}` for files; Seedance 2 with
 * `return_last_frame` adds `firstFrameUrl` / `lastFrameUrl`; a text is `{resultObject: {}}`;
 * Sora's characters page: `{character_id}`), and the kind of file each result URL serves.
 */
import { CATALOGUE } from '../../nodes/Kie/catalogue/modelCatalogue';
import type { ResultData } from '../../nodes/Kie/catalogue/modelData';
import { resultExtensionFor } from './create-validation';
import { isVideoModel } from './video';

const RESULTS = new Map<string, ResultData>(CATALOGUE.map((model) => [model.id, model.result]));

export function catalogueResult(model: string): ResultData | undefined {
	return RESULTS.get(model);
}

/** The result files a task of this model makes: none for a text or object result. */
export function makesFiles(model: string): boolean {
	const kind = catalogueResult(model)?.kind;
	return kind === undefined || kind === 'urls';
}

/** The extension of a catalogue model's result files; undefined for other models. */
export function catalogueFileExtension(
	model: string,
	input: Record<string, unknown>,
): 'png' | 'jpg' | 'mp3' | 'mp4' | undefined {
	const media = catalogueResult(model)?.media;
	if (media === 'video') return 'mp4';
	if (media === 'audio') return 'mp3';
	if (media !== 'image') return undefined;
	const format = typeof input.output_format === 'string' ? input.output_format.toLowerCase() : '';
	return format === 'jpg' || format === 'jpeg' ? 'jpg' : 'png';
}

/** The extension of a jobs-API task's result files. */
export function jobsResultExtension(task: {
	model: string;
	input: Record<string, unknown>;
}): string {
	return (
		catalogueFileExtension(task.model, task.input) ??
		(isVideoModel(task.model) ? 'mp4' : resultExtensionFor(task.input, task.model))
	);
}

/**
 * What `resultJson` holds beside `resultUrls`: extra URL lists (as JPEG frame URLs of the
 * task), a transcript for a text result, the documented keys of an object result.
 */
export function resultExtras(
	model: string,
	input: Record<string, unknown>,
	taskId: string,
	fileUrl: (name: string) => string,
): Record<string, unknown> {
	const result = catalogueResult(model);
	if (!result) return {};
	if (result.kind === 'text') {
		const text = `Transcript of task ${taskId}`;
		return {
			resultObject: {
				text,
				language_code: typeof input.language_code === 'string' ? input.language_code : 'en',
				words: text.split(' ').map((word, index) => ({
					text: word,
					start: index * 0.5,
					end: index * 0.5 + 0.4,
					type: 'word',
					...(input.diarize === true ? { speaker_id: 'speaker_0' } : {}),
				})),
			},
		};
	}
	if (result.kind === 'object') {
		return Object.fromEntries(
			(result.objectKeys ?? ['result']).map((key) => [key, `${key}_${taskId.slice(0, 12)}`]),
		);
	}
	if (result.extraUrlKeys && input.return_last_frame === true) {
		return Object.fromEntries(
			result.extraUrlKeys.map((key) => [key, [fileUrl(`${taskId}_${key}.jpg`)]]),
		);
	}
	return {};
}

/** Every URL in a result's extras (the files the simulator serves beside `resultUrls`). */
export function extraUrls(extras: Record<string, unknown> | undefined): string[] {
	return Object.values(extras ?? {}).flatMap((value) =>
		Array.isArray(value) ? value.filter((url): url is string => typeof url === 'string') : [],
	);
}
