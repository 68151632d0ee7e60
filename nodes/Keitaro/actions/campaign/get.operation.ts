import { CAMPAIGN } from '../../helpers/objects';
import { getObject } from '../objectOperations';

export const { description, endpoints, execute } = getObject(CAMPAIGN);
