import { DOMAIN } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

export const { description, endpoints, execute } = getObjects(DOMAIN, {
	operation: 'getMany',
	endpoint: '/domains',
});
