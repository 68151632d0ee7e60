import { AFFILIATE_NETWORK } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

export const { description, endpoints, execute } = getObjects(AFFILIATE_NETWORK, {
	operation: 'getMany',
	endpoint: '/affiliate_networks',
});
