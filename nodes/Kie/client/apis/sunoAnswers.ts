/**
 * The answers that come at once instead of as a task: Suno's timestamped lyrics, persona and
 * boost style, and the common download-url. Each `data` → the fields users see in the item.
 */
import type { IDataObject } from 'n8n-workflow';

import { jsonOrText, optionalNumber, optionalText, taskIdOf } from '../answers';
import type { EndpointName } from '../endpoints';
import { KieRequestError } from '../errors';
import { isRecord } from './family';
import { textFlagState } from './sunoTools';

function malformed(endpoint: EndpointName, what: string): KieRequestError {
	return new KieRequestError(
		{ endpoint, delivery: 'answered', networkCode: 'MALFORMED' },
		`Kie.ai answered without ${what}`,
	);
}

export interface AlignedWord extends IDataObject {
	word: string;
	success: boolean | null;
	startS: number | null;
	endS: number | null;
	palign: number | null;
}

/**
 * `{alignedWords: [{word, success, startS, endS, palign}], waveformData, hootCer, isStreamed}`;
 * `text` is the words joined as sung (each word carries its own spaces and line breaks).
 */
export function parseTimestampedLyrics(data: unknown): IDataObject {
	if (!isRecord(data) || !Array.isArray(data.alignedWords)) {
		throw malformed('suno.timestampedLyrics', 'the timestamped lyrics (alignedWords)');
	}
	const alignedWords: AlignedWord[] = data.alignedWords.filter(isRecord).map((word) => ({
		word: typeof word.word === 'string' ? word.word : '',
		success: typeof word.success === 'boolean' ? word.success : null,
		startS: optionalNumber.parse(word.startS),
		endS: optionalNumber.parse(word.endS),
		palign: optionalNumber.parse(word.palign),
	}));
	const text = alignedWords
		.map((word) => word.word)
		.join(' ')
		.replace(/ *\n */g, '\n')
		.trim();
	return {
		text,
		alignedWords,
		waveformData: Array.isArray(data.waveformData)
			? data.waveformData.map((value) => optionalNumber.parse(value))
			: [],
		hootCer: optionalNumber.parse(data.hootCer),
		isStreamed: typeof data.isStreamed === 'boolean' ? data.isStreamed : null,
	};
}

/** `{personaId, name, description}`: the id goes into later songs' `personaId`. */
export function parsePersona(data: unknown): IDataObject {
	const personaId = isRecord(data) ? optionalText.parse(data.personaId) : null;
	if (!isRecord(data) || !personaId) throw malformed('suno.persona', 'a personaId');
	return {
		personaId,
		name: optionalText.parse(data.name),
		description: optionalText.parse(data.description),
	};
}

/**
 * `{taskId, param, result, creditsConsumed, creditsRemaining, successFlag, errorCode,
 * errorMessage, createTime}`: `result` is the style text, emitted as `text`. successFlag is
 * "0" pending, "1" success, "2" failed.
 */
export function parseBoostStyle(data: unknown): IDataObject {
	if (!isRecord(data)) throw malformed('suno.boostStyle', 'a style');
	const flag = optionalText.parse(data.successFlag);
	const state =
		flag === '1' ? 'success' : flag === '2' ? 'fail' : textFlagState(flag, !!data.result);
	return {
		taskId: taskIdOf(data) ?? null,
		state: flag === '0' ? 'generating' : state,
		text: optionalText.parse(data.result),
		creditsConsumed: optionalNumber.parse(data.creditsConsumed),
		creditsRemaining: optionalNumber.parse(data.creditsRemaining),
		failCode: state === 'fail' ? (optionalText.parse(data.errorCode) ?? flag) : null,
		failMsg:
			state === 'fail'
				? (optionalText.parse(data.errorMessage) ?? 'Suno could not boost the style')
				: null,
		param: (jsonOrText.parse(data.param) as IDataObject | null) ?? null,
	};
}

/** `data` is the direct link itself (the page's example), or `{url}` / `{downloadUrl}`. */
export function parseDownloadUrl(data: unknown): string {
	const url =
		typeof data === 'string'
			? data
			: isRecord(data)
				? optionalText.parse(data.downloadUrl ?? data.url)
				: null;
	if (!url) throw malformed('common.downloadUrl', 'a download URL');
	return url;
}
