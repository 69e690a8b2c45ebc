import { Kie } from '../../../../nodes/Kie/Kie.node';
import { KieTrigger } from '../../../../nodes/KieTrigger/KieTrigger.node';

describe('kieNodeLook', () => {
	it('both nodes take the kieApi credential and give one main output, each its own copy', () => {
		const action = new Kie().description;
		const trigger = new KieTrigger().description;
		for (const description of [action, trigger]) {
			expect(description.credentials).toEqual([{ name: 'kieApi', required: true }]);
			expect(description.outputs).toEqual(['main']);
			expect(description.icon).toEqual({ light: 'file:kie.svg', dark: 'file:kie.dark.svg' });
		}
		expect(action.credentials).not.toBe(trigger.credentials);
		expect(action.inputs).toEqual(['main']);
		expect(trigger.inputs).toEqual([]);
	});
});
