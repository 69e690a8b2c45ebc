/**
 * Models Kie serves that the pages snapshot lacks join the catalogue from overrides.ts
 * ADDED_MODELS, each with its reason and public source; a model that gains a page moves to the
 * generated data instead (its id must not be in both).
 */
import { PAGE_MODELS } from '../../../../nodes/Kie/catalogue/data/models';
import { CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { ADDED_MODELS } from '../../../../nodes/Kie/catalogue/overrides';
import { modelsFor } from '../../../../nodes/Kie/catalogue/panel';

describe('models beyond the pages snapshot', () => {
	it('each names its reason and source, and none has a page in the data', () => {
		expect(ADDED_MODELS.map((model) => model.id)).toEqual([
			'gpt-image-2-text-to-image',
			'gpt-image-2-image-to-image',
		]);
		const paged = new Set(PAGE_MODELS.map((model) => model.id));
		for (const model of ADDED_MODELS) {
			expect(model.reason.length).toBeGreaterThan(20);
			expect(model.source).toMatch(/github\.com\/|https:\/\//);
			expect(model.page).toBe(`added:${model.id}`);
			expect(paged.has(model.id)).toBe(false);
		}
	});

	it("are in the catalogue (without their provenance) and in their operation's picker", () => {
		for (const added of ADDED_MODELS) {
			const model = CATALOGUE.find((entry) => entry.id === added.id);
			expect(model).toBeDefined();
			expect(model).not.toHaveProperty('source');
			expect(modelsFor(added.resource, added.operation).map((entry) => entry.id)).toContain(
				added.id,
			);
		}
	});
});
