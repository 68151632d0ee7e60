import { OFFER } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/**
 * Keitaro has no restore endpoint for offers; their state is writable (`OfferRequest`), and an
 * archived one is one whose state is "deleted".
 */
export const { description, endpoints, execute } = objectAction(OFFER, {
	operation: 'restore',
	method: 'PUT',
	body: { state: 'active' },
});
