import { DOMAIN } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

export const { description, endpoints, execute } = objectAction(DOMAIN, {
	operation: 'restore',
	method: 'POST',
	suffix: '/restore',
});
