import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** Keitaro's "delete" of a traffic source sets its state to "deleted"; Restore brings it back. */
export const { description, endpoints, execute } = objectAction(TRAFFIC_SOURCE, {
	operation: 'archive',
	method: 'DELETE',
});
