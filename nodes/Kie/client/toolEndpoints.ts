/**
 * The endpoint table's rows for Suno's tools, Runway Aleph and download-url (see endpoints.ts for
 * what the fields and retry kinds mean, endpointRows.ts for the kinds of row). Kept apart only to
 * keep each file short.
 */
import { create, read, readByPost } from './endpointRows';
import type { Endpoint } from './endpoints';

export const TOOL_ENDPOINTS = {
	// Suno's tools (https://docs.kie.ai/suno-api/): those that make music are read from
	// suno.status; lyrics, WAV, music video, stems, MIDI and cover images have their own.
	'suno-lyrics.generate': create('/api/v1/lyrics'),
	'suno-lyrics.status': read('/api/v1/lyrics/record-info'),
	/** Answers at once with the words of a finished track: a read, nothing is made. */
	'suno.timestampedLyrics': readByPost('/api/v1/generate/get-timestamped-lyrics'),
	'suno.uploadCover': create('/api/v1/generate/upload-cover'),
	'suno.uploadExtend': create('/api/v1/generate/upload-extend'),
	'suno.addVocals': create('/api/v1/generate/add-vocals'),
	'suno.addInstrumental': create('/api/v1/generate/add-instrumental'),
	'suno.replaceSection': create('/api/v1/generate/replace-section'),
	'suno.mashup': create('/api/v1/generate/mashup'),
	'suno.sounds': create('/api/v1/generate/sounds'),
	/** Persona and Boost Style answer at once, but each call is billed or one-off (409 on a repeat). */
	'suno.persona': create('/api/v1/generate/generate-persona'),
	'suno.boostStyle': create('/api/v1/style/generate'),
	'suno-wav.generate': create('/api/v1/wav/generate'),
	'suno-wav.status': read('/api/v1/wav/record-info'),
	'suno-music-video.generate': create('/api/v1/mp4/generate'),
	'suno-music-video.status': read('/api/v1/mp4/record-info'),
	'suno-vocal-separation.generate': create('/api/v1/vocal-removal/generate'),
	'suno-vocal-separation.status': read('/api/v1/vocal-removal/record-info'),
	'suno-midi.generate': create('/api/v1/midi/generate'),
	'suno-midi.status': read('/api/v1/midi/record-info'),
	'suno-cover.generate': create('/api/v1/suno/cover/generate'),
	'suno-cover.status': read('/api/v1/suno/cover/record-info'),
	// Runway Aleph (https://docs.kie.ai/runway-api/generate-aleph-video): video-to-video.
	'aleph.generate': create('/api/v1/aleph/generate'),
	'aleph.status': read('/api/v1/aleph/record-info'),
	/** A 20-minute direct link for a result URL (https://docs.kie.ai/common-api/download-url). */
	'common.downloadUrl': readByPost('/api/v1/common/download-url'),
	/** The same for a 4o Image result, named with its task (https://docs.kie.ai/4o-image-api/get-4-o-image-download-url). */
	'4o-image.downloadUrl': readByPost('/api/v1/gpt4o-image/download-url'),
} as const satisfies Record<string, Endpoint>;
