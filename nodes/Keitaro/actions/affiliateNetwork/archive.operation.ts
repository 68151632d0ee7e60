import { AFFILIATE_NETWORK } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/**
 * Keitaro's "delete" of an affiliate network moves it to the archive. Keitaro has no way back
 * through the API: no restore endpoint, and the update schema has no state.
 */
export const { description, endpoints, execute } = objectAction(AFFILIATE_NETWORK, {
	operation: 'archive',
	method: 'DELETE',
});
