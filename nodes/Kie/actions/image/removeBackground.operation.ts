/** Image → removeBackground (version 2): the catalogue's removeBackground models through the one pipeline. */
import { modelOperation } from '../common/modelOperation';
import { taskOptionsCollection } from '../common/properties';

export const { description, execute } = modelOperation(
	'image',
	'removeBackground',
	taskOptionsCollection,
);
