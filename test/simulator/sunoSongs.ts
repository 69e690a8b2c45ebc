import { randomBytes } from 'node:crypto';

import { admitCreate, insufficientCredits, invalid, isAnswer, isHttpUrl } from './dedicated';
import { type Answer, API_UNAUTHORIZED, jsonAnswer, type RequestContext } from './http';
import type { Route } from './routes';
import type { SimulatorState } from './state';
import { checkCommon, checkGenerate, createSong, findTrack } from './suno';
import { checkLengths, generateLimits, textLength, versionLimits } from './sunoLimits';
import { createToolTask, statusRoute } from './toolTasks';

/*
 * Suno's tools that make music (read like songs at /api/v1/generate/record-info), lyrics, and
 * the three that answer at once, as ../shared/kie-docs/suno-api/ documents them, with what peers
 * found the live API does beyond the pages:
 * - upload-extend needs `instrumental`, and `continueAt` with `defaultParamFlag` true (the page's
 *   schema lists both as required, its prose needs neither without the flag; peers sent the flag
 *   on, so without it only the prose is known: continueAt may be left out);
 * - in upload-extend the prompt is lyrics: a short one-line instruction (under 100 characters,
 *   no [section] tag, no line break) is refused with code 531;
 * - replace-section needs `fullLyrics`, and a section of 10–480 s (the page: 6–60 s); no live
 *   finding on the page's "at most 50 % of the track", so it is refused as the page says.
 * Upload-cover, upload-extend (with defaultParamFlag) and mashup refuse texts over their pages'
 * limits per version (sunoLimits.ts).
 */

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === '';
const TOOL_MODELS = ['V4_5PLUS', 'V5', 'V5_5'];
const SOUND_KEYS = [
	'Cm',
	'C#m',
	'Dm',
	'D#m',
	'Em',
	'Fm',
	'F#m',
	'Gm',
	'G#m',
	'Am',
	'A#m',
	'Bm',
].flatMap((minor) => [minor, minor.slice(0, -1)]);

function required(body: Record<string, unknown>, fields: readonly string[]): string | undefined {
	const missing = fields.find((field) => isBlank(body[field]));
	return missing ? `${missing} is required` : undefined;
}

function checkToolModel(body: Record<string, unknown>): string | undefined {
	if (body.model !== undefined && !TOOL_MODELS.includes(String(body.model))) {
		return `model must be one of ${TOOL_MODELS.join(', ')}`;
	}
	return undefined;
}

/** A short one-line instruction where lyrics belong (peers saw 531 for these). */
function readsAsInstruction(prompt: unknown): boolean {
	return typeof prompt === 'string' && prompt.length < 100 && !/[\n[]/.test(prompt);
}

type SongCheck = (
	state: SimulatorState,
	apiKey: string,
	body: Record<string, unknown>,
) => string | Answer | undefined;

const CHECKS: Record<string, SongCheck> = {
	upload_cover: (_state, _key, body) =>
		isHttpUrl(body.uploadUrl)
			? checkGenerate(body, versionLimits)
			: 'uploadUrl is required and must be a valid URL',
	upload_extend: (_state, _key, body) => {
		if (!isHttpUrl(body.uploadUrl)) return 'uploadUrl is required and must be a valid URL';
		const common = checkCommon(body);
		if (common) return common;
		if (typeof body.defaultParamFlag !== 'boolean') return 'defaultParamFlag is required';
		if (typeof body.instrumental !== 'boolean') return 'instrumental is required';
		const at = body.continueAt;
		if ((body.defaultParamFlag || at !== undefined) && (typeof at !== 'number' || at <= 0)) {
			return 'continueAt is required with defaultParamFlag true and must be greater than 0';
		}
		if (body.defaultParamFlag) {
			const missing = required(
				body,
				body.instrumental ? ['style', 'title'] : ['style', 'title', 'prompt'],
			);
			if (missing) return missing;
			const long = checkLengths(body, versionLimits(String(body.model)));
			if (long) return long;
		}
		if (!body.instrumental && readsAsInstruction(body.prompt)) {
			return jsonAnswer(200, { code: 531, msg: 'The prompt must be lyrics', data: null });
		}
		return undefined;
	},
	add_vocals: (_state, _key, body) =>
		required(body, ['prompt', 'title', 'negativeTags', 'style', 'uploadUrl', 'callBackUrl']) ??
		(isHttpUrl(body.uploadUrl) ? checkToolModel(body) : 'uploadUrl must be a valid URL'),
	add_instrumental: (_state, _key, body) =>
		required(body, ['uploadUrl', 'title', 'negativeTags', 'tags', 'callBackUrl']) ??
		(isHttpUrl(body.uploadUrl) ? checkToolModel(body) : 'uploadUrl must be a valid URL'),
	replace_section: (state, key, body) => {
		const missing = required(body, ['taskId', 'audioId', 'prompt', 'tags', 'title', 'fullLyrics']);
		if (missing) return missing;
		const found = findTrack(state, key, body.audioId);
		if (!found || found.task.taskId !== body.taskId) {
			return 'audioId does not match a finished track of taskId for this account';
		}
		const start = Number(body.infillStartS);
		const end = Number(body.infillEndS);
		if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end <= start) {
			return 'infillStartS and infillEndS are required, with infillStartS < infillEndS';
		}
		if (end - start < 10 || end - start > 480) return 'the section must be 10 to 480 seconds long';
		if (end > found.track.duration)
			return `infillEndS is beyond the track (${found.track.duration} s)`;
		if (end - start > found.track.duration / 2) {
			return `the section must be at most 50% of the track (${found.track.duration} s)`;
		}
		return undefined;
	},
	mashup: (_state, _key, body) => {
		const list = body.uploadUrlList;
		if (!Array.isArray(list) || list.length !== 2 || !list.every(isHttpUrl)) {
			return 'uploadUrlList must hold exactly 2 valid URLs';
		}
		const common = checkCommon(body);
		if (common) return common;
		if (typeof body.customMode !== 'boolean') return 'customMode is required';
		if (body.customMode) {
			return (
				required(
					body,
					body.instrumental === true ? ['style', 'title'] : ['style', 'title', 'prompt'],
				) ?? checkLengths(body, generateLimits(String(body.model)))
			);
		}
		if (isBlank(body.prompt)) return 'prompt is required';
		return textLength(body.prompt) > 500
			? 'prompt length cannot exceed 500 characters in non-custom mode'
			: undefined;
	},
	sounds: (_state, _key, body) => {
		if (isBlank(body.prompt)) return 'prompt is required';
		if ([...(body.prompt as string)].length > 500) return 'prompt cannot exceed 500 characters';
		if (body.model !== undefined && !['V5', 'V5_5'].includes(String(body.model))) {
			return 'model must be V5 or V5_5';
		}
		const tempo = body.soundTempo;
		if (
			tempo !== undefined &&
			tempo !== null &&
			(!Number.isInteger(tempo) || (tempo as number) < 1 || (tempo as number) > 300)
		) {
			return 'soundTempo must be an integer from 1 to 300';
		}
		if (body.soundKey !== undefined && !SOUND_KEYS.includes(String(body.soundKey))) {
			return `soundKey must be one of ${SOUND_KEYS.join(', ')}`;
		}
		if (body.callBackUrl !== undefined && !isHttpUrl(body.callBackUrl))
			return 'callBackUrl must be a valid URL';
		return undefined;
	},
};

function songTool(
	endpoint: Route['endpoint'],
	path: string,
	operation: keyof typeof CHECKS,
): Route {
	return {
		endpoint,
		host: 'api',
		methods: ['POST'],
		path,
		handle: (state: SimulatorState, context: RequestContext): Answer => {
			const admitted = admitCreate(state, context);
			if (isAnswer(admitted)) return admitted;
			const { apiKey, body } = admitted;
			const problem = CHECKS[operation](state, apiKey, body);
			if (typeof problem === 'string') return invalid(problem);
			if (problem) return problem;
			const source =
				operation === 'replace_section' ? findTrack(state, apiKey, body.audioId) : undefined;
			const model = body.model ?? source?.task.model;
			return createSong(state, context, apiKey, model ? { ...body, model } : body, operation);
		},
	};
}

const lyricsText = (prompt: string, n: number) =>
	`[Verse]\n${prompt}\nline ${n + 1} of the simulated song\n\n[Chorus]\nla la la`;

export const SUNO_SONG_ROUTES: readonly Route[] = [
	songTool('sunoUploadCover', '/api/v1/generate/upload-cover', 'upload_cover'),
	songTool('sunoUploadExtend', '/api/v1/generate/upload-extend', 'upload_extend'),
	songTool('sunoAddVocals', '/api/v1/generate/add-vocals', 'add_vocals'),
	songTool('sunoAddInstrumental', '/api/v1/generate/add-instrumental', 'add_instrumental'),
	songTool('sunoReplaceSection', '/api/v1/generate/replace-section', 'replace_section'),
	songTool('sunoMashup', '/api/v1/generate/mashup', 'mashup'),
	songTool('sunoSounds', '/api/v1/generate/sounds', 'sounds'),
	{
		endpoint: 'sunoLyrics',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/lyrics',
		handle: (state, context) => {
			const admitted = admitCreate(state, context);
			if (isAnswer(admitted)) return admitted;
			const { apiKey, body } = admitted;
			const problem = required(body, ['prompt', 'callBackUrl']);
			if (problem) return invalid(problem);
			if (!isHttpUrl(body.callBackUrl)) return invalid('callBackUrl must be a valid URL');
			if (state.balance(apiKey) < 1) return insufficientCredits();
			const prompt = String(body.prompt);
			return createToolTask(state, {
				api: 'suno-lyrics',
				apiKey,
				model: 'suno-lyrics',
				body,
				cost: 1,
				files: () => [],
				facts: {
					lyrics: [0, 1].map((n) => ({
						title: `Simulated Lyrics ${n + 1}`,
						text: lyricsText(prompt, n),
					})),
				},
				failure: { code: 400, message: 'Song Description flagged for moderation' },
				context,
				callbackBody: (task, info) =>
					info.failure
						? {
								code: info.failure.code,
								msg: info.failure.message,
								data: { callbackType: 'complete', task_id: task.taskId, data: null },
							}
						: {
								code: 200,
								msg: 'All generated successfully.',
								data: {
									callbackType: 'complete',
									task_id: task.taskId,
									data: (info.facts.lyrics as Array<{ title: string; text: string }>).map(
										(variant) => ({
											error_message: '',
											status: 'complete',
											text: variant.text,
											title: variant.title,
										}),
									),
								},
							},
			});
		},
	},
	statusRoute(
		'sunoLyricsRecordInfo',
		'/api/v1/lyrics/record-info',
		'suno-lyrics',
		(_state, task, info, taskState) => ({
			taskId: task.taskId,
			param: JSON.stringify({ prompt: task.input.prompt }),
			response:
				taskState === 'success'
					? {
							taskId: task.taskId,
							data: (info.facts.lyrics as Array<{ title: string; text: string }>).map(
								(variant) => ({
									...variant,
									status: 'complete',
									errorMessage: '',
								}),
							),
						}
					: null,
			status:
				taskState === 'success'
					? 'SUCCESS'
					: taskState === 'fail'
						? 'GENERATE_LYRICS_FAILED'
						: 'PENDING',
			type: 'LYRICS',
			errorCode: taskState === 'fail' ? info.failure?.code : null,
			errorMessage: taskState === 'fail' ? info.failure?.message : null,
		}),
	),
	{
		endpoint: 'sunoTimestampedLyrics',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/generate/get-timestamped-lyrics',
		handle: (state, context) => {
			const apiKey = state.authorizedKey(context);
			if (!apiKey) return jsonAnswer(200, API_UNAUTHORIZED);
			const body = (context.json ?? {}) as Record<string, unknown>;
			const problem = required(body, ['taskId', 'audioId']);
			if (problem) return invalid(problem);
			const found = findTrack(state, apiKey, body.audioId);
			if (!found || found.task.taskId !== body.taskId) {
				return invalid('audioId does not match a finished track of taskId for this account');
			}
			const words = found.track.prompt.split(/ +/);
			return jsonAnswer(200, {
				code: 200,
				msg: 'success',
				data: {
					alignedWords: words.map((word, n) => ({
						word,
						success: true,
						startS: Math.round((1 + n * 0.5) * 100) / 100,
						endS: Math.round((1.4 + n * 0.5) * 100) / 100,
						palign: 0,
					})),
					waveformData: [0, 1, 0.5, 0.75],
					hootCer: 0.38,
					isStreamed: false,
				},
			});
		},
	},
	{
		endpoint: 'sunoPersona',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/generate/generate-persona',
		handle: (state, context) => {
			const admitted = admitCreate(state, context);
			if (isAnswer(admitted)) return admitted;
			const { apiKey, body } = admitted;
			const problem = required(body, ['taskId', 'audioId', 'name', 'description']);
			if (problem) return invalid(problem);
			const found = findTrack(state, apiKey, body.audioId);
			if (!found || found.task.taskId !== body.taskId) {
				return invalid('audioId does not match a finished track of taskId for this account');
			}
			const start = Number(body.vocalStart ?? 0);
			const end = Number(body.vocalEnd ?? 30);
			if (!(end - start >= 10 && end - start <= 30))
				return invalid('vocalEnd - vocalStart must be 10 to 30 seconds');
			const personas = personasOf(state);
			if (personas.has(`${apiKey}/${String(body.audioId)}`)) {
				return jsonAnswer(200, {
					code: 409,
					msg: 'Persona already exists for this music',
					data: null,
				});
			}
			const personaId = randomBytes(8).toString('hex');
			personas.set(`${apiKey}/${String(body.audioId)}`, personaId);
			return jsonAnswer(200, {
				code: 200,
				msg: 'success',
				data: { personaId, name: body.name, description: body.description },
			});
		},
	},
	{
		endpoint: 'sunoBoostStyle',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/style/generate',
		handle: (state, context) => {
			const admitted = admitCreate(state, context);
			if (isAnswer(admitted)) return admitted;
			const { apiKey, body } = admitted;
			if (isBlank(body.content)) return invalid('content is required');
			if (state.balance(apiKey) < 1) return insufficientCredits();
			state.balances.set(apiKey, state.balance(apiKey) - 1);
			return jsonAnswer(200, {
				code: 200,
				msg: 'success',
				data: {
					taskId: randomBytes(16).toString('hex'),
					param: JSON.stringify({ content: body.content }),
					result: `${String(body.content)}, shimmering synths, driving beat, airy vocals`,
					creditsConsumed: 1,
					creditsRemaining: state.balance(apiKey),
					successFlag: '1',
					errorCode: null,
					errorMessage: '',
					createTime: new Date().toISOString().replace('T', ' ').slice(0, 19),
				},
			});
		},
	},
];

/** audioIds that already have a persona, per key (Kie: one persona per audio, then 409). */
const PERSONAS = new WeakMap<SimulatorState, Map<string, string>>();
function personasOf(state: SimulatorState): Map<string, string> {
	let personas = PERSONAS.get(state);
	if (!personas) PERSONAS.set(state, (personas = new Map()));
	return personas;
}
