import { promptOf, promptProperty } from '../../../../../nodes/Kie/actions/image/fields';

describe('promptOf', () => {
	it('a required Prompt of 4 rows, with an example only when one is given', () => {
		expect(promptOf('The message the model answers')).toEqual({
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description: 'The message the model answers',
		});
		expect('placeholder' in promptOf('The message the model answers')).toBe(false);
		expect(promptProperty.placeholder).toBe(
			'A serene mountain landscape at sunset, vibrant colours',
		);
	});
});
