/** Audio → isolate (version 2): the catalogue's isolate models through the one pipeline. */
import { modelOperation } from '../common/modelOperation';
import { audioOptionsCollection } from './audioOptions';

export const { description, execute } = modelOperation('audio', 'isolate', audioOptionsCollection);
