import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

export const { description, endpoints, execute } = getObjects(TRAFFIC_SOURCE, {
	operation: 'getMany',
	endpoint: '/traffic_sources',
});
