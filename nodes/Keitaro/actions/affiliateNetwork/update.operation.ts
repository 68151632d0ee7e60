import { affiliateNetworkFields } from '../../descriptions/affiliateNetworkFields';
import { AFFILIATE_NETWORK } from '../../helpers/objects';
import { updateObject } from '../objectOperations';

export const { description, endpoints, execute } = updateObject(AFFILIATE_NETWORK, {
	fields: affiliateNetworkFields,
});
