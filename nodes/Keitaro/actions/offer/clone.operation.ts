import { OFFER } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

export const { description, endpoints, execute } = objectAction(OFFER, {
	operation: 'clone',
	method: 'POST',
	suffix: '/clone',
});
