import { OFFER } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** Keitaro archives offers at DELETE /offers/{id}/archive (docs/keitaro.md §8.3); Restore brings one back. */
export const { description, endpoints, execute } = objectAction(OFFER, {
	operation: 'archive',
	method: 'DELETE',
	suffix: '/archive',
});
