import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

export const { description, endpoints, execute } = objectAction(TRAFFIC_SOURCE, {
	operation: 'clone',
	method: 'POST',
	suffix: '/clone',
});
