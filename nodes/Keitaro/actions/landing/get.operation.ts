import { LANDING } from '../../helpers/objects';
import { getObject } from '../objectOperations';

export const { description, endpoints, execute } = getObject(LANDING);
