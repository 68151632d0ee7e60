/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addAffiliateNetwork } from '../fixtures';
import type { AffiliateNetwork, SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById } from './common';
import {
	assign,
	bodyOf,
	checkName,
	checkUrl,
	copyName,
	notArchived,
	setState,
	withoutId,
} from './objects';
import type { Route } from './types';

/** `AffiliateNetworkObject`: the update schema has no state, so an archived network stays archived. */
const WRITABLE = ['name', 'postback_url', 'offer_param', 'notes'];

/** The read model's `offers`: how many offers use the network. */
function view(state: SimulatorState, network: AffiliateNetwork) {
	return {
		...network,
		offers: notArchived(state.offers).filter((o) => o.affiliate_network_id === network.id).length,
	};
}

function write(
	state: SimulatorState,
	network: AffiliateNetwork,
	body: Record<string, any>,
	now: Date,
) {
	check(body, false);
	assign(network, body, WRITABLE);
	network.updated_at = keitaroDate(now);
	return view(state, network);
}

function check(body: Record<string, any>, creating: boolean) {
	checkName(body, creating);
	checkUrl(body, 'postback_url');
}

const network = (state: SimulatorState, id: string) =>
	findById(state.affiliateNetworks, id, 'AffiliateNetwork');

export const affiliateNetworkRoutes: Route[] = [
	{
		method: 'GET',
		path: '/affiliate_networks',
		handle: ({ state }) => notArchived(state.affiliateNetworks).map((n) => view(state, n)),
	},
	{
		method: 'GET',
		path: '/affiliate_networks/{id}',
		handle: ({ state, params }) => view(state, network(state, params.id)),
	},
	{
		method: 'POST',
		path: '/affiliate_networks',
		handle: ({ state, body, now }) => {
			const fields = bodyOf(body);
			check(fields, true);
			return write(
				state,
				addAffiliateNetwork(state, { created_at: keitaroDate(now) }),
				fields,
				now,
			);
		},
	},
	{
		method: 'PUT',
		path: '/affiliate_networks/{id}',
		handle: ({ state, params, body, now }) =>
			write(state, network(state, params.id), bodyOf(body), now),
	},
	{
		method: 'DELETE',
		path: '/affiliate_networks/{id}',
		handle: ({ state, params, now }) =>
			view(state, setState(network(state, params.id), 'deleted', now)),
	},
	{
		method: 'POST',
		path: '/affiliate_networks/{id}/clone',
		handle: ({ state, params, now }) => {
			const original = network(state, params.id);
			const copy = addAffiliateNetwork(state, {
				...withoutId(original),
				name: copyName(original.name),
				created_at: keitaroDate(now),
				updated_at: keitaroDate(now),
			});
			return view(state, copy);
		},
	},
];
