/** Binary limits per model (validateBinaryForModel) and the node properties built from the catalogue. */
import type { INodeProperties } from 'n8n-workflow';

import {
	checkBinary,
	CUSTOM_MEDIA,
	CUSTOM_MODEL,
	parseFileSize,
	v1ImageModelProperties as modelProperties,
	type BinaryInfo,
} from '../../../../nodes/Kie/catalogue';
import { CATALOGUE } from '../../../../nodes/Kie/catalogue/modelCatalogue';
import { V1_IMAGE_SPECS as MODELS } from '../../../helpers/v1ImageModels';
import { A, buildTaskRequest, MiB, thrown } from './fixtures';

const getModel = (id: string) => MODELS.find((model) => model.id === id);

/** Version 1's check of one binary for a model's images (Input Binary Properties). */
function validateBinaryForModel(id: string, binary: BinaryInfo): void {
	if (id === CUSTOM_MODEL) return checkBinary(CUSTOM_MEDIA, binary, 'binaryProperties', id);
	const images = getModel(id)!.images!.field;
	const field = CATALOGUE.find((model) => model.id === id)!.fields.find((f) => f.name === images)!;
	checkBinary(field, binary, 'binaryProperties', id);
}

describe('validateBinaryForModel', () => {
	const png = {
		mimeType: 'image/png',
		fileSize: '1.2 MB',
		fileName: 'a.png',
		propertyName: 'data',
	};

	it('accepts a supported image within the size limit', () => {
		expect(() => validateBinaryForModel('nano-banana-pro', png)).not.toThrow();
		expect(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				mimeType: 'image/jpg',
				fileSize: 9 * MiB,
			}),
		).not.toThrow();
		expect(() =>
			validateBinaryForModel('nano-banana-pro', {
				mimeType: 'application/octet-stream',
				fileName: 'photo.WEBP',
				propertyName: 'data',
			}),
		).not.toThrow();
	});

	it('refuses an oversized file given as a human size', () => {
		const error = thrown(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				fileSize: '40 MB',
				propertyName: 'photo',
			}),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain('"photo"');
		expect(error.message).toContain('40 MB');
		expect(error.message).toContain('10 MB');
	});

	it('refuses an oversized file given in bytes', () => {
		const error = thrown(() =>
			validateBinaryForModel('nano-banana-pro', { ...png, fileSize: 31 * MiB }),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain(String(31 * MiB));
		expect(error.message).toContain('30 MB');
	});

	it('prefers the exact byte count when n8n provides it', () => {
		expect(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				fileSize: '10.5 MB',
				bytes: 10 * MiB,
			}),
		).not.toThrow();
	});

	it('refuses a MIME type the model does not take', () => {
		const error = thrown(() =>
			validateBinaryForModel('google/nano-banana-edit', {
				...png,
				mimeType: 'image/gif',
				fileName: 'anim.gif',
				propertyName: 'img',
			}),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain('image/gif');
		expect(error.message).toContain('"img"');
		expect(error.message).toContain('image/jpeg, image/png, image/webp');
		expect(error.allowed).toBe('image/jpeg, image/png, image/webp');
	});

	it('accepts images, video and audio of any size for a custom model, nothing else', () => {
		for (const mimeType of ['image/gif', 'video/mp4', 'audio/mpeg']) {
			expect(() =>
				validateBinaryForModel('custom', { mimeType, fileSize: '900 MB', propertyName: 'data' }),
			).not.toThrow();
		}
		const error = thrown(() =>
			validateBinaryForModel('custom', { mimeType: 'application/pdf', propertyName: 'doc' }),
		);
		expect(error.field).toBe('binaryProperties');
		expect(error.message).toContain('application/pdf');
	});

	it('parses n8n file sizes', () => {
		expect(parseFileSize('1.2 MB')).toBe(1_200_000);
		expect(parseFileSize('345 kB')).toBe(345_000);
		expect(parseFileSize('512 B')).toBe(512);
		expect(parseFileSize('1.5 MiB')).toBe(1.5 * MiB);
		expect(parseFileSize('2,5 MB')).toBe(2_500_000);
		expect(parseFileSize(1234)).toBe(1234);
		expect(parseFileSize('1234')).toBe(1234);
		expect(parseFileSize('lots')).toBeUndefined();
		expect(parseFileSize('3 parsecs')).toBeUndefined();
		expect(parseFileSize(undefined)).toBeUndefined();
	});
});

describe('modelProperties', () => {
	const ENUM_NAMES = ['aspectRatio', 'resolution', 'outputFormat'] as const;
	const shownFor = (property: INodeProperties, modelId: string) =>
		(property.displayOptions?.show?.model ?? []).includes(modelId);

	describe.each(['generate', 'edit'] as const)('%s', (operation) => {
		const properties = modelProperties(operation);
		const modelProperty = properties.find((p) => p.name === 'model')!;
		const offered = (modelProperty.options ?? []).map((o) => (o as { value: string }).value);

		it('uses only the agreed parameter names, without resource/operation conditions', () => {
			for (const property of properties) {
				expect(['model', 'customModel', ...ENUM_NAMES]).toContain(property.name);
				expect(Object.keys(property.displayOptions?.show ?? {})).not.toContain('operation');
				expect(Object.keys(property.displayOptions?.show ?? {})).not.toContain('resource');
			}
		});

		it('offers the models serving the operation plus custom, default nano-banana-pro', () => {
			const serving = MODELS.filter((m) => m.operations.includes(operation)).map((m) => m.id);
			expect(offered).toEqual([...serving, CUSTOM_MODEL]);
			expect(modelProperty.default).toBe('nano-banana-pro');
			expect(modelProperty.type).toBe('options');
			const custom = properties.find((p) => p.name === 'customModel')!;
			expect(custom.displayOptions?.show?.model).toEqual([CUSTOM_MODEL]);
			for (const name of ENUM_NAMES) {
				expect(properties.filter((p) => p.name === name && shownFor(p, CUSTOM_MODEL))).toEqual([]);
			}
		});

		it('shows each model exactly its own options and default, all accepted by buildTaskRequest', () => {
			for (const id of offered.filter((value) => value !== CUSTOM_MODEL)) {
				const model = getModel(id)!;
				for (const name of ENUM_NAMES) {
					const shown = properties.filter((p) => p.name === name && shownFor(p, id));
					const spec = model[name];
					if (!spec) {
						expect(shown).toEqual([]);
						continue;
					}
					expect(shown).toHaveLength(1);
					const [property] = shown;
					expect(property.type).toBe('options');
					const values = (property.options ?? []).map((o) => (o as { value: string }).value);
					expect(values).toEqual([...spec.options]);
					expect(property.default).toBe(spec.default);
					for (const value of values) {
						const { input } = buildTaskRequest(operation, id, {
							prompt: 'a prompt',
							imageUrls: model.images && operation === 'edit' ? [A] : undefined,
							[name]: value,
						});
						expect(input[spec.field]).toBe(value);
					}
				}
			}
		});
	});

	it('names fields the way each model does', () => {
		const generate = modelProperties('generate');
		const label = (name: string, id: string) =>
			generate.find((p) => p.name === name && shownFor(p, id))?.displayName;
		expect(label('resolution', 'gpt-image/1.5-text-to-image')).toBe('Quality');
		expect(label('resolution', 'nano-banana-pro')).toBe('Resolution');
		expect(label('aspectRatio', 'google/nano-banana')).toBe('Image Size');
		expect(label('aspectRatio', 'nano-banana-pro')).toBe('Aspect Ratio');
		expect(label('outputFormat', 'nano-banana-pro')).toBe('Output Format');
	});

	it('shares one property between models with the same option set', () => {
		const flux = modelProperties('generate').filter(
			(p) => p.name === 'resolution' && shownFor(p, 'flux-2/pro-text-to-image'),
		);
		expect(flux[0].displayOptions?.show?.model).toEqual([
			'flux-2/pro-text-to-image',
			'flux-2/flex-text-to-image',
		]);
	});
});
