/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addAffiliateNetwork } from '../fixtures';
import type { AffiliateNetwork } from '../state';
import { assign, checkName, checkUrl, copyFields, notArchived, objectRoutes } from './objects';
import type { Route } from './types';

/** `AffiliateNetworkObject`: the update schema has no state, so an archived network stays archived. */
const WRITABLE = ['name', 'postback_url', 'offer_param', 'notes'];

export const affiliateNetworkRoutes: Route[] = objectRoutes<AffiliateNetwork>({
	path: '/affiliate_networks',
	model: 'AffiliateNetwork',
	items: (state) => state.affiliateNetworks,
	// the read model's `offers`: how many offers use the network
	view: (state, network) => ({
		...network,
		offers: notArchived(state.offers).filter((o) => o.affiliate_network_id === network.id).length,
	}),
	write(_state, network, body: Record<string, any>, creating) {
		checkName(body, creating);
		checkUrl(body, 'postback_url');
		assign(network, body, WRITABLE);
	},
	add: addAffiliateNetwork,
	clone: {
		method: 'POST',
		copy: (state, network, now) => addAffiliateNetwork(state, copyFields(network, now)),
	},
});
