import { AFFILIATE_NETWORK } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

export const { description, endpoints, execute } = objectAction(AFFILIATE_NETWORK, {
	operation: 'clone',
	method: 'POST',
	suffix: '/clone',
});
