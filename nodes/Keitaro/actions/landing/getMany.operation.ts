import { LANDING } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

export const { description, endpoints, execute } = getObjects(LANDING, {
	operation: 'getMany',
	endpoint: '/landing_pages',
});
