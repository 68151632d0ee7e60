import { LANDING } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** Keitaro clones landing pages with PUT, unlike every other clone (docs/keitaro.md §8.3). */
export const { description, endpoints, execute } = objectAction(LANDING, {
	operation: 'clone',
	method: 'PUT',
	suffix: '/clone',
});
