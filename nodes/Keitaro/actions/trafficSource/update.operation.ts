import { trafficSourceFields } from '../../descriptions/trafficSourceFields';
import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { updateObject } from '../objectOperations';

export const { description, endpoints, execute } = updateObject(TRAFFIC_SOURCE, {
	fields: trafficSourceFields,
});
