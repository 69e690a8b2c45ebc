import { ALEPH_ROUTES } from './aleph';
import { CHAT_ROUTES } from './chat';
import { COMMON_ROUTES } from './common';
import { FILE_ROUTES } from './files';
import { FLUX_KONTEXT_ROUTES } from './fluxKontext';
import { FOUR_O_IMAGE_ROUTES } from './fourOImage';
import type { Answer, Host, RequestContext } from './http';
import { JOBS_ROUTES } from './jobs';
import { RUNWAY_ROUTES } from './runway';
import type { SimulatorState } from './state';
import { SUNO_ROUTES } from './suno';
import { SUNO_FILE_ROUTES } from './sunoFiles';
import { SUNO_SONG_ROUTES } from './sunoSongs';
import { TOOL_FILE_ROUTE } from './toolTasks';
import type { Endpoint } from './types';
import { UPLOAD_ROUTES } from './uploads';
import { VEO_ROUTES } from './veo';
import { VIDEO_FILE_ROUTES } from './video';

/** One endpoint of the simulated Kie: where it listens and what answers it. */
export interface Route {
	endpoint: Endpoint;
	host: Host;
	methods: readonly string[];
	/** The exact path, or with `prefix`, the start of the path. */
	path: string;
	prefix?: boolean;
	handle(state: SimulatorState, context: RequestContext): Answer | Promise<Answer>;
}

/**
 * Every endpoint the simulator answers, first match wins. A new Kie API is a module exporting
 * its routes (and its Endpoint names in types.ts), added here.
 */
export const ROUTES: readonly Route[] = [
	...VIDEO_FILE_ROUTES,
	// Before FILE_ROUTES: their result files live under /files/ too.
	...SUNO_ROUTES,
	TOOL_FILE_ROUTE,
	...FOUR_O_IMAGE_ROUTES,
	...FLUX_KONTEXT_ROUTES,
	...FILE_ROUTES,
	...JOBS_ROUTES,
	...COMMON_ROUTES,
	...UPLOAD_ROUTES,
	...VEO_ROUTES,
	...RUNWAY_ROUTES,
	...CHAT_ROUTES,
	...SUNO_SONG_ROUTES,
	...SUNO_FILE_ROUTES,
	...ALEPH_ROUTES,
];

export function findRoute(host: Host, method: string, pathname: string): Route | undefined {
	return ROUTES.find(
		(route) =>
			route.host === host &&
			route.methods.includes(method) &&
			(route.prefix ? pathname.startsWith(route.path) : pathname === route.path),
	);
}
