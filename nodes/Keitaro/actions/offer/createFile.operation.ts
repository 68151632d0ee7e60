import { OFFER } from '../../helpers/objects';
import { fileOperation } from '../fileOperations';

export const { description, endpoints, execute } = fileOperation(OFFER, 'createFile');
