/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addOffer } from '../fixtures';
import type { Offer, SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById } from './common';
import { fileRoutes } from './files';
import {
	assign,
	bodyOf,
	checkCurrency,
	checkEnum,
	checkGroup,
	checkName,
	copyName,
	invalid,
	notArchived,
	setState,
	withoutId,
} from './objects';
import type { Route } from './types';

const WRITABLE = [
	'name',
	'offer_type',
	'action_type',
	'action_payload',
	'affiliate_network_id',
	'payout_value',
	'payout_currency',
	'payout_type',
	'state',
	'payout_auto',
	'payout_upsell',
	'country',
	'notes',
	'conversion_cap_enabled',
	'daily_cap',
	'alternative_offer_id',
	'conversion_timezone',
];

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** Keitaro takes country codes and answers country names (seen live, api-notes §2.4). */
function view(state: SimulatorState, offer: Offer) {
	const network = state.affiliateNetworks.find((n) => n.id === offer.affiliate_network_id);
	return {
		...offer,
		country: offer.country.map((code) => countryNames.of(code) ?? code),
		affiliate_network: network?.name ?? '',
	};
}

function check(state: SimulatorState, body: Record<string, any>, creating: boolean) {
	checkName(body, creating);
	checkEnum(body, 'payout_type', ['CPA', 'CPC']);
	checkEnum(body, 'state', ['active', 'deleted']);
	checkCurrency(body, 'payout_currency');
	if ('country' in body) {
		const codes = body.country;
		if (!Array.isArray(codes) || codes.some((c: unknown) => !/^[A-Z]{2}$/.test(String(c))))
			invalid({ country: 'Countries must be a list of ISO country codes' });
	}
	return checkGroup(state, body, 'offers');
}

function write(state: SimulatorState, offer: Offer, body: Record<string, any>, now: Date) {
	const groupId = check(state, body, false);
	assign(offer, body, WRITABLE);
	if (groupId !== undefined) offer.group_id = groupId;
	offer.updated_at = keitaroDate(now);
	return view(state, offer);
}

const offer = (state: SimulatorState, id: string) => findById(state.offers, id, 'Offer');

export const offerRoutes: Route[] = [
	{
		method: 'GET',
		path: '/offers',
		handle: ({ state }) => notArchived(state.offers).map((o) => view(state, o)),
	},
	{
		method: 'GET',
		path: '/offers/{id}',
		handle: ({ state, params }) => view(state, offer(state, params.id)),
	},
	{
		method: 'POST',
		path: '/offers',
		handle: ({ state, body, now }) => {
			const fields = bodyOf(body);
			check(state, fields, true);
			const created = addOffer(state, {
				payout_value: 0,
				payout_auto: false,
				action_payload: '',
				created_at: keitaroDate(now),
			});
			return write(state, created, fields, now);
		},
	},
	{
		method: 'PUT',
		path: '/offers/{id}',
		handle: ({ state, params, body, now }) =>
			write(state, offer(state, params.id), bodyOf(body), now),
	},
	{
		// archive has its own path for offers (api-notes §8.3)
		method: 'DELETE',
		path: '/offers/{id}/archive',
		handle: ({ state, params, now }) =>
			view(state, setState(offer(state, params.id), 'deleted', now)),
	},
	{
		method: 'POST',
		path: '/offers/{id}/clone',
		handle: ({ state, params, now }) => {
			const source = offer(state, params.id);
			const copy = addOffer(state, {
				...withoutId(source),
				name: copyName(source.name),
				country: [...source.country],
				created_at: keitaroDate(now),
				updated_at: keitaroDate(now),
			});
			return view(state, copy);
		},
	},
	...fileRoutes('/offers', 'Offer'),
];
