import { LANDING } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** Keitaro's "delete" of a landing page moves it to the archive (state "deleted"). */
export const { description, endpoints, execute } = objectAction(LANDING, {
	operation: 'archive',
	method: 'DELETE',
});
