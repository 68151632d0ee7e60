import { DOMAIN } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

/** The domains in Keitaro's archive, the ones Restore can bring back. */
export const { description, endpoints, execute } = getObjects(DOMAIN, {
	operation: 'getDeleted',
	endpoint: '/domains/deleted',
});
