import { trafficSourceFields } from '../../descriptions/trafficSourceFields';
import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { createObject } from '../objectOperations';

export const { description, endpoints, execute } = createObject(TRAFFIC_SOURCE, {
	fields: trafficSourceFields,
});
