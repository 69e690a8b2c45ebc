/**
 * Veo 3.1's 1080P file and 4K task are catalogue data read from their pages (veo/1080p, veo/4k):
 * the fields, the client's rows they go to, the body built, and the index refused below 0.
 */
import { KieInputError } from '../../../../nodes/Kie/catalogue/errors';
import { CONTINUATIONS } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { build, check } from '../../../../nodes/Kie/catalogue/request';
import { ENDPOINTS } from '../../../../nodes/Kie/client/endpoints';

const model = (id: string) => {
	const found = CONTINUATIONS.find((candidate) => candidate.id === id);
	if (!found) throw new Error(`${id} is not in the catalogue`);
	return found;
};

describe("Veo 3.1's upscales as catalogue data", () => {
	it.each([
		['veo/1080p', 'veo-1080p', 'veo.1080p'],
		['veo/4k', 'veo-4k', 'veo.4k'],
	] as const)(
		'%s: Video → Upscale, taskId and index from its page, the client row %s',
		(id, api, row) => {
			const veo = model(id);
			expect(veo).toMatchObject({ api, resource: 'video', operation: 'upscale', modelField: null });
			expect(veo.endpoint).toBe(ENDPOINTS[row].path);
			expect(veo.fields.map((field) => [field.name, field.type, field.required])).toEqual([
				['taskId', 'string', true],
				['index', 'integer', false],
			]);
		},
	);

	it('builds the 4K create as Kie takes it: taskId, index, callBackUrl at the top level', () => {
		const fourK = model('veo/4k');
		const checked = check(fourK, { taskId: 'veo_task_1', index: 0 }, 'https://hooks.example.com/k');
		expect(build(fourK, checked, [])).toEqual({
			api: 'veo',
			endpoint: 'veo.4k',
			model: 'veo/4k',
			body: { taskId: 'veo_task_1', index: 0, callBackUrl: 'https://hooks.example.com/k' },
			expectedMs: 450_000,
		});
	});

	it.each(['veo/1080p', 'veo/4k'])(
		'%s refuses a video index below 0 (overrides: it counts from 0)',
		(id) => {
			let thrown: unknown;
			try {
				check(model(id), { taskId: 'veo_task_1', index: -1 });
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(KieInputError);
			expect((thrown as KieInputError).field).toBe('index');
		},
	);
});
