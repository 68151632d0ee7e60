import { LANDING } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/**
 * Keitaro has no restore endpoint for landing pages; their state is writable (`LandingRequest`),
 * and an archived one is one whose state is "deleted".
 */
export const { description, endpoints, execute } = objectAction(LANDING, {
	operation: 'restore',
	method: 'PUT',
	body: { state: 'active' },
});
