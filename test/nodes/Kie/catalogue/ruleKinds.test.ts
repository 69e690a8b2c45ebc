import {
	forbiddenWith,
	onlyWith,
	requiredWithout,
} from '../../../../nodes/Kie/catalogue/ruleKinds';

describe('rule kinds', () => {
	it('say which field is required, forbidden or only allowed, by the other field being sent', () => {
		expect(requiredWithout('image_urls', 'task_id', 'r')).toEqual({
			when: { task_id: 'absent' },
			field: 'image_urls',
			required: true,
			reason: 'r',
		});
		expect(forbiddenWith('image_urls', 'task_id', 'r')).toEqual({
			when: { task_id: 'present' },
			field: 'image_urls',
			forbidden: true,
			reason: 'r',
		});
		expect(onlyWith('index', 'task_id', 'r')).toEqual({
			when: { task_id: 'absent' },
			field: 'index',
			forbidden: true,
			reason: 'r',
		});
	});
});
