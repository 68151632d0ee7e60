import { LANDING } from '../../helpers/objects';
import { fileOperation } from '../fileOperations';

export const { description, endpoints, execute } = fileOperation(LANDING, 'deleteFile');
