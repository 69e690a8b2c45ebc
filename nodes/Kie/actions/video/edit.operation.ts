/** Video → edit (version 2): the catalogue's edit models through the one pipeline. */
import { modelOperation } from '../common/modelOperation';
import { videoOptionsCollection } from './common';

export const { description, execute } = modelOperation('video', 'edit', videoOptionsCollection());
