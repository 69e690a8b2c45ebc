/** The conditions between two fields that pages state most, as FieldRules (modelData.ts). */
import type { FieldRule } from './modelData';

/** `field` must be sent when `other` is not. */
export const requiredWithout = (field: string, other: string, reason: string): FieldRule => ({
	when: { [other]: 'absent' },
	field,
	required: true,
	reason,
});

/** `field` must not be sent with `other`. */
export const forbiddenWith = (field: string, other: string, reason: string): FieldRule => ({
	when: { [other]: 'present' },
	field,
	forbidden: true,
	reason,
});

/** `field` may only be sent with `other`. */
export const onlyWith = (field: string, other: string, reason: string): FieldRule => ({
	when: { [other]: 'absent' },
	field,
	forbidden: true,
	reason,
});
