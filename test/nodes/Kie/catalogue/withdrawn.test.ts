/**
 * Models peers report Kie no longer serves (the Sora 2 family, ElevenLabs Sound Effect v2) stay
 * in both versions' pickers for saved workflows, say so where the user picks them, and are never
 * a picker's default.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { modelPanel, PICKERS } from '../../../../nodes/Kie/catalogue/panel';
import type { CatalogueOperation } from '../../../../nodes/Kie/catalogue/modelData';
import { V1_AUDIO_MODELS } from '../../../../nodes/Kie/catalogue/v1/audio';
import { V1_VIDEO_MODELS } from '../../../../nodes/Kie/catalogue/v1/video';

const withdrawn = CATALOGUE.filter((model) => model.withdrawn);

function picker(resource: 'image' | 'video' | 'audio', operation: CatalogueOperation) {
	const property = modelPanel(resource, operation).find(
		(candidate) => candidate.name === PICKERS[resource],
	) as INodeProperties;
	return { options: property.options as INodePropertyOptions[], default: property.default };
}

describe('withdrawn models', () => {
	it('are the Sora 2 family and ElevenLabs Sound Effect v2', () => {
		const ids = withdrawn.map((model) => model.id);
		expect(ids).toEqual(
			expect.arrayContaining(['sora-2-text-to-video', 'elevenlabs/sound-effect-v2']),
		);
		expect(ids.every((id) => id.startsWith('sora') || id === 'elevenlabs/sound-effect-v2')).toBe(
			true,
		);
	});

	it("stay in version 2's pickers, say so in their description, and are no default", () => {
		for (const model of withdrawn) {
			for (const operation of model.operations) {
				const { options, default: chosen } = picker(model.resource, operation);
				const option = options.find((candidate) => candidate.value === model.id);
				expect(option?.description).toContain('Withdrawn: Peers report that Kie no longer serves');
				expect(withdrawn.map((entry) => entry.id)).not.toContain(chosen);
			}
		}
	});

	it("say so in version 1's model lists too", () => {
		const v1 = [...V1_VIDEO_MODELS, ...V1_AUDIO_MODELS].filter((model) =>
			withdrawn.some((entry) => entry.id === model.id),
		);
		expect(v1.map((model) => model.id)).toEqual(
			expect.arrayContaining([
				'sora-2-text-to-video',
				'sora-2-image-to-video',
				'elevenlabs/sound-effect-v2',
			]),
		);
		for (const model of v1) expect(model.description).toMatch(/withdrawn/i);
	});
});
