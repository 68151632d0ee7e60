import { CAMPAIGN } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

/** Active and disabled campaigns; the only Keitaro list that pages (offset/limit). */
export const { description, endpoints, execute } = getObjects(CAMPAIGN, {
	operation: 'getMany',
	endpoint: '/campaigns',
	paged: true,
});
