import { STREAM } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

/** The archived streams of all campaigns, the ones Restore can bring back. */
export const { description, endpoints, execute } = getObjects(STREAM, {
	operation: 'getDeleted',
	endpoint: '/streams/deleted',
});
