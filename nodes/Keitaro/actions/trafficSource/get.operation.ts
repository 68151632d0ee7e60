import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { getObject } from '../objectOperations';

export const { description, endpoints, execute } = getObject(TRAFFIC_SOURCE);
