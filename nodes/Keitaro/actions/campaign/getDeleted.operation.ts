import { CAMPAIGN } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

/** The campaigns in Keitaro's archive, the ones Restore can bring back. */
export const { description, endpoints, execute } = getObjects(CAMPAIGN, {
	operation: 'getDeleted',
	endpoint: '/campaigns/deleted',
});
