/** Audio's wait and options: songs take minutes, so audio waits 15 minutes by default. */
import type { INodeProperties } from 'n8n-workflow';

import { taskOptionsCollection, waitProperties } from '../common/properties';

const AUDIO_TIMEOUT_SECONDS = 900;

export const audioWaitProperties = waitProperties({
	waitForCompletion: true,
	downloadResults: true,
});

export const audioOptionsCollection: INodeProperties = {
	...taskOptionsCollection,
	options: (taskOptionsCollection.options ?? []).map((option) =>
		option.name === 'timeout' ? { ...option, default: AUDIO_TIMEOUT_SECONDS } : option,
	),
};
