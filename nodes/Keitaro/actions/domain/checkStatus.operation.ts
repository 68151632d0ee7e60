import { DOMAIN } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** Keitaro checks the domain's DNS and certificate again and answers the new network status. */
export const { description, endpoints, execute } = objectAction(DOMAIN, {
	operation: 'checkStatus',
	method: 'POST',
	suffix: '/check',
});
