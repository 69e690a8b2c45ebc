import { makeMp3 } from './audio';
import { fourOImageFile } from './fourOImage';
import { type Answer, type Host, jsonAnswer, type RequestContext } from './http';
import { makePng, TINY_JPEG } from './images';
import { extraUrls, jobsResultExtension } from './results';
import type { Route } from './routes';
import type { FileBody, SimulatorState } from './state';
import { stateOf } from './tasks';
import { makeMp4 } from './video';

/** Result files (api host), uploaded files (upload host) and temporary download URLs. */
export const FILE_ROUTES: readonly Route[] = (['api', 'upload'] as const).map((host) => ({
	endpoint: 'file',
	host,
	methods: ['GET', 'HEAD'],
	path: '/files/',
	prefix: true,
	handle: serveFile,
}));

/** The simulator's own file behind `fileUrl`, if it is one (result, upload or temporary URL). */
export function ownFile(
	state: SimulatorState,
	fileUrl: string,
): { host: Host; pathname: string } | undefined {
	let url: URL;
	try {
		url = new URL(fileUrl);
	} catch {
		return undefined;
	}
	const host: Host | undefined =
		url.origin === state.baseUrl
			? 'api'
			: url.origin === state.uploadBaseUrl
				? 'upload'
				: undefined;
	if (!host || !lookupFile(state, host, url.pathname)) return undefined;
	return { host, pathname: url.pathname };
}

/** The bytes and type of the simulator's own file behind `fileUrl` (undefined for others). */
export function simulatorFile(state: SimulatorState, fileUrl: string): FileBody | undefined {
	const own = ownFile(state, fileUrl);
	return own ? lookupFile(state, own.host, own.pathname) : undefined;
}

function lookupFile(state: SimulatorState, host: Host, pathname: string): FileBody | undefined {
	let path: string;
	try {
		path = decodeURIComponent(pathname);
	} catch {
		return undefined;
	}
	if (host === 'upload') return state.uploads.get(path.replace(/^\/files\//, ''));

	const temporary = /^\/files\/download\/([0-9a-f]+)\/[^/]+$/.exec(path);
	if (temporary) {
		const target = state.downloadTokens.get(temporary[1]);
		return target ? lookupFile(state, target.host, target.pathname) : undefined;
	}
	if (path.startsWith('/files/4o/')) {
		const image = fourOImageFile(state, path);
		return image ? { bytes: image, mimeType: 'image/png' } : undefined;
	}
	const frame = /^\/files\/results\/([0-9a-f]{32})_(\w+)\.jpg$/.exec(path);
	if (
		frame &&
		extraUrls(state.record.tasks.get(frame[1])?.resultExtras).includes(`${state.baseUrl}${path}`)
	) {
		const task = state.record.tasks.get(frame[1])!;
		return stateOf(task, Date.now()) === 'success'
			? { bytes: TINY_JPEG, mimeType: 'image/jpeg' }
			: undefined;
	}
	// Without an extension (options.resultUrlExtensions false), the task's own decides.
	const result = /^\/files\/results\/([0-9a-f]{32})_(\d+)(?:\.(png|jpg|mp3|mp4))?$/.exec(path);
	if (!result) return undefined;
	const [, taskId, index] = result;
	const task = state.record.tasks.get(taskId);
	const fileUrl = `${state.baseUrl}${path}`;
	if (!task || !task.resultUrls.includes(fileUrl)) return undefined;
	const extension = result[3] ?? jobsResultExtension(task);
	if (stateOf(task, Date.now()) !== 'success') return undefined;
	if (extension === 'mp3') return { bytes: makeMp3(`${taskId}_${index}`), mimeType: 'audio/mpeg' };
	if (extension === 'mp4') return { bytes: makeMp4(`${taskId}_${index}`), mimeType: 'video/mp4' };
	return extension === 'jpg'
		? { bytes: TINY_JPEG, mimeType: 'image/jpeg' }
		: { bytes: makePng(`${taskId}_${index}`, task.resultImage), mimeType: 'image/png' };
}

function serveFile(state: SimulatorState, context: RequestContext): Answer {
	const file = lookupFile(state, context.host, context.url.pathname);
	if (!file) return jsonAnswer(404, { code: 404, msg: 'File not found' });
	const padding =
		context.host === 'api' && /^\/files\/results\//.test(context.url.pathname)
			? Math.max(0, state.options.resultFileBytes - file.bytes.length)
			: 0;
	return { status: 200, contentType: file.mimeType, body: file.bytes, padding };
}
