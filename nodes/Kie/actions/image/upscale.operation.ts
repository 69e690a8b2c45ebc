/** Image → upscale (version 2): the catalogue's upscale models through the one pipeline. */
import { modelOperation } from '../common/modelOperation';
import { taskOptionsCollection } from '../common/properties';

export const { description, execute } = modelOperation('image', 'upscale', taskOptionsCollection);
