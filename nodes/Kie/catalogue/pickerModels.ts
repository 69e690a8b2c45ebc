/*
 * Hand-kept: how the model pickers name and order the catalogue's models (the pages' titles
 * are often ids, e.g. "elevenlabs/audio-isolation"), as data in pickerModels.json.
 *
 * n8n's picker finds an option by its name (the typed text anywhere in it, any case), so a name
 * says what users type: the maker's product and version in words ("Kling 3.0 Motion Control",
 * not "kling-3.0 motion-control"). Within a resource the newest and most used models come first,
 * each family together, newest version first; withdrawn models last (kept runnable for saved
 * workflows). A `description` is given where the page's says too little.
 */
import pickers from './pickerModels.json';

/** The picker's name, sentence and order for a model (the order within its resource). */
export interface PickerEntry {
	id: string;
	displayName: string;
	description?: string;
}

/** Names and order of the model pickers. Models not listed follow, by name, with their page's title. */
export const PICKER: readonly PickerEntry[] = [
	...pickers.image,
	...pickers.video,
	...pickers.withdrawnVideo,
	...pickers.audio,
];
