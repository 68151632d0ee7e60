import { OFFER } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

export const { description, endpoints, execute } = getObjects(OFFER, {
	operation: 'getMany',
	endpoint: '/offers',
});
