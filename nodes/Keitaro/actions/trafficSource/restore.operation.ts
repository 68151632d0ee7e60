import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/**
 * Keitaro has no restore endpoint for traffic sources; their state is writable (`SourceRequest`), and an
 * archived one is one whose state is "deleted".
 */
export const { description, endpoints, execute } = objectAction(TRAFFIC_SOURCE, {
	operation: 'restore',
	method: 'PUT',
	body: { state: 'active' },
});
