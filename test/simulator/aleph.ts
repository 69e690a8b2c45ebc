import { admitCreate, insufficientCredits, invalid, isAnswer, isHttpUrl } from './dedicated';
import { makePng } from './images';
import type { Route } from './routes';
import { createToolTask, statusRoute, toolFileUrl } from './toolTasks';
import { makeMp4 } from './video';

/*
 * Runway Aleph as ../shared/kie-docs/runway-api/generate-aleph-video.md and
 * get-aleph-video-details.md document it: POST /api/v1/aleph/generate with `prompt` and
 * `videoUrl` (callBackUrl optional), GET /api/v1/aleph/record-info whose successFlag is 1 when
 * done and 0 otherwise, the video in `response.resultVideoUrl`, its still in `resultImageUrl`;
 * the callback has the task id at the top level. A prompt containing "[fail]" is moderated.
 */

const ALEPH_CREDITS = 20;
const ASPECT_RATIOS = ['16:9', '9:16', '4:3', '3:4', '1:1', '21:9'];
const MODERATED = 'Your prompt was caught by our AI moderator. Please adjust it and try again!';

export const ALEPH_ROUTES: readonly Route[] = [
	{
		endpoint: 'alephGenerate',
		host: 'api',
		methods: ['POST'],
		path: '/api/v1/aleph/generate',
		handle: (state, context) => {
			const admitted = admitCreate(state, context);
			if (isAnswer(admitted)) return admitted;
			const { apiKey, body } = admitted;
			if (typeof body.prompt !== 'string' || body.prompt.trim() === '')
				return invalid('prompt is required');
			if (!isHttpUrl(body.videoUrl)) return invalid('videoUrl is required and must be a valid URL');
			if (body.callBackUrl !== undefined && !isHttpUrl(body.callBackUrl)) {
				return invalid('callBackUrl must be a valid URL');
			}
			if (body.aspectRatio !== undefined && !ASPECT_RATIOS.includes(String(body.aspectRatio))) {
				return invalid(`aspectRatio must be one of ${ASPECT_RATIOS.join(', ')}`);
			}
			if (body.referenceImage !== undefined && !isHttpUrl(body.referenceImage)) {
				return invalid('referenceImage must be a valid URL');
			}
			if (body.seed !== undefined && !Number.isInteger(body.seed))
				return invalid('seed must be an integer');
			if (state.balance(apiKey) < ALEPH_CREDITS) return insufficientCredits();
			return createToolTask(state, {
				api: 'aleph',
				apiKey,
				model: 'aleph',
				body,
				cost: ALEPH_CREDITS,
				files: (taskId) => [
					{ name: 'aleph.mp4', mimeType: 'video/mp4', bytes: () => makeMp4(`${taskId}_aleph`) },
					{ name: 'aleph.png', mimeType: 'image/png', bytes: () => makePng(`${taskId}_aleph`) },
				],
				failure: { code: 400, message: MODERATED },
				context,
				callbackBody: (task, info) =>
					info.failure
						? {
								code: info.failure.code,
								msg: info.failure.message,
								data: null,
								taskId: task.taskId,
							}
						: {
								code: 200,
								msg: 'success',
								data: {
									result_video_url: toolFileUrl(state, task.taskId, 'aleph.mp4'),
									result_image_url: toolFileUrl(state, task.taskId, 'aleph.png'),
								},
								taskId: task.taskId,
							},
			});
		},
	},
	statusRoute(
		'alephRecordInfo',
		'/api/v1/aleph/record-info',
		'aleph',
		(state, task, info, taskState) => ({
			taskId: task.taskId,
			paramJson: JSON.stringify(task.input),
			response:
				taskState === 'success'
					? {
							taskId: task.taskId,
							resultVideoUrl: toolFileUrl(state, task.taskId, 'aleph.mp4'),
							resultImageUrl: toolFileUrl(state, task.taskId, 'aleph.png'),
						}
					: null,
			completeTime: task.completedAt ? new Date(task.completedAt).toISOString() : null,
			createTime: new Date(task.createdAt).toISOString(),
			successFlag: taskState === 'success' ? 1 : 0,
			errorCode: taskState === 'fail' ? (info.failure?.code ?? 400) : 0,
			errorMessage: taskState === 'fail' ? (info.failure?.message ?? '') : '',
		}),
	),
];
