import { affiliateNetworkFields } from '../../descriptions/affiliateNetworkFields';
import { AFFILIATE_NETWORK } from '../../helpers/objects';
import { createObject } from '../objectOperations';

export const { description, endpoints, execute } = createObject(AFFILIATE_NETWORK, {
	fields: affiliateNetworkFields,
});
