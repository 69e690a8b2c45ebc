import type { IDataObject } from 'n8n-workflow';

import { describeValue, KieInputError } from './errors';
import type { VideoModelSpec } from './videoTypes';

const TEXT = 'TEXT_2_VIDEO';
const FRAMES = 'FIRST_AND_LAST_FRAMES_2_VIDEO';
const REFERENCE = 'REFERENCE_2_VIDEO';

/**
 * Veo 3.1's generation types (https://docs.kie.ai/veo3-api/generate-veo-3-video): no image is
 * TEXT_2_VIDEO, 1-2 images are first (and last) frames, REFERENCE_2_VIDEO takes 1-3 material
 * images on veo3_fast in 16:9 or 9:16 only. The type is sent explicitly so the images' meaning
 * does not depend on Kie's guess; a type that contradicts the images is refused.
 */
function veoGenerationType(model: VideoModelSpec, input: IDataObject): void {
	const images = Array.isArray(input.imageUrls) ? input.imageUrls.length : 0;
	const asked = typeof input.generationType === 'string' ? input.generationType : undefined;
	const type = asked ?? (images === 0 ? TEXT : FRAMES);
	const refuse = (message: string, allowed: string) => {
		throw new KieInputError(
			asked ? 'additionalInput' : 'imageUrls',
			asked ?? images,
			message,
			allowed,
		);
	};
	if (type === TEXT && images > 0) {
		refuse(`generationType TEXT_2_VIDEO takes no images, got ${images}`, 'no images');
	}
	if (type === FRAMES && (images < 1 || images > 2)) {
		refuse(
			images > 2
				? `Veo 3.1 takes 1 or 2 frame images (first and last), got ${images}; for up to 3 material images set {"generationType": "REFERENCE_2_VIDEO"} in Additional Input (veo3_fast only)`
				: `generationType ${FRAMES} needs 1 or 2 images, got none`,
			'1 or 2 images',
		);
	}
	if (type === REFERENCE) {
		if (model.id !== 'veo3_fast') {
			refuse(
				`generationType ${REFERENCE} is only offered for veo3_fast, not ${model.id}`,
				'veo3_fast',
			);
		}
		if (images < 1 || images > 3)
			refuse(`generationType ${REFERENCE} needs 1 to 3 images, got ${images}`, '1 to 3 images');
		const ratio = input.aspect_ratio;
		if (ratio !== undefined && ratio !== '16:9' && ratio !== '9:16') {
			throw new KieInputError(
				'aspectRatio',
				ratio,
				`Aspect Ratio ${describeValue(ratio)} is not possible with ${REFERENCE}: Veo 3.1 makes reference videos in 16:9 or 9:16. Allowed: 16:9, 9:16`,
				'16:9, 9:16',
			);
		}
	}
	input.generationType = type;
}

/** Documented per-API quirks, applied to the mapped fields before the rules are checked. */
export function applyApiQuirks(model: VideoModelSpec, input: IDataObject): void {
	if (model.api === 'veo') veoGenerationType(model, input);
	// Runway: "This parameter is invalid when imageUrl is passed": the image decides the shape.
	if (model.api === 'runway' && input.imageUrl !== undefined) delete input.aspectRatio;
}
