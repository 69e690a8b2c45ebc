/** The Kie APIs the client speaks. Adding one: rows in ../endpoints.ts, a family file, a line here. */
import type { IDataObject } from 'n8n-workflow';

import { taskIdOf } from '../answers';
import type { KieApi } from '../types';
import type { ApiFamily, CallbackTask } from './family';
import { alephApi } from './aleph';
import { fluxKontextApi } from './fluxKontext';
import { fourOImageApi } from './fourOImage';
import { marketApi } from './market';
import { runwayApi } from './runway';
import { sunoApi } from './suno';
import { sunoLyricsApi } from './sunoLyrics';
import {
	sunoCoverApi,
	sunoMidiApi,
	sunoMusicVideoApi,
	sunoVocalSeparationApi,
	sunoWavApi,
} from './sunoTools';
import { veoApi } from './veo';

export type { ApiFamily, CallbackTask } from './family';
export {
	parseBoostStyle,
	parseDownloadUrl,
	parsePersona,
	parseTimestampedLyrics,
} from './sunoAnswers';

/** In the order callbacks are tried; the jobs API's reader accepts any body, so it comes last. */
export const API_FAMILIES: readonly ApiFamily[] = [
	// Lyrics callbacks have Suno's stages too: tried before songs'. Music video's before Runway's.
	sunoLyricsApi,
	sunoApi,
	sunoWavApi,
	sunoMusicVideoApi,
	sunoVocalSeparationApi,
	sunoMidiApi,
	sunoCoverApi,
	alephApi,
	fourOImageApi,
	fluxKontextApi,
	veoApi,
	runwayApi,
	marketApi,
];

const byApi = new Map<string, ApiFamily>(API_FAMILIES.map((family) => [family.api, family]));

export function apiFamily(api: KieApi): ApiFamily {
	const family = byApi.get(api);
	if (!family) throw new Error(`The Kie.ai API "${api}" is not supported`);
	return family;
}

export function isKieApi(value: unknown): value is KieApi {
	return typeof value === 'string' && byApi.has(value);
}

/** The task id a callback names: `data.taskId`, `data.task_id` or a top-level `taskId`. */
export function callbackTaskId(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	return taskIdOf((body as IDataObject).data) ?? taskIdOf(body);
}

/** The first API whose callback shape the body has. */
export function parseCallbackBody(body: IDataObject, taskId: string): CallbackTask {
	for (const family of API_FAMILIES) {
		const parsed = family.parseCallback(body, taskId);
		if (parsed) return parsed;
	}
	return marketApi.parseCallback(body, taskId)!;
}
