/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addOffer } from '../fixtures';
import type { Offer, SimulatorState } from '../state';
import { fileRoutes } from './files';
import {
	assign,
	checkCurrency,
	checkEnum,
	checkGroup,
	checkName,
	copyFields,
	invalid,
	objectRoutes,
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

/** Keitaro takes country codes and answers country names (seen live, docs/keitaro.md §2.4). */
function view(state: SimulatorState, offer: Offer) {
	const network = state.affiliateNetworks.find((n) => n.id === offer.affiliate_network_id);
	return {
		...offer,
		country: offer.country.map((code) => countryNames.of(code) ?? code),
		affiliate_network: network?.name ?? '',
	};
}

function write(state: SimulatorState, offer: Offer, body: Record<string, any>, creating: boolean) {
	checkName(body, creating);
	checkEnum(body, 'payout_type', ['CPA', 'CPC']);
	checkEnum(body, 'state', ['active', 'deleted']);
	checkCurrency(body, 'payout_currency');
	if ('country' in body) {
		const codes = body.country;
		if (!Array.isArray(codes) || codes.some((c: unknown) => !/^[A-Z]{2}$/.test(String(c))))
			invalid({ country: 'Countries must be a list of ISO country codes' });
	}
	const groupId = checkGroup(state, body, 'offers');
	assign(offer, body, WRITABLE);
	if (groupId !== undefined) offer.group_id = groupId;
}

export const offerRoutes: Route[] = [
	...objectRoutes<Offer>({
		path: '/offers',
		model: 'Offer',
		items: (state) => state.offers,
		view,
		write,
		add: (state, fields) =>
			addOffer(state, { payout_value: 0, payout_auto: false, action_payload: '', ...fields }),
		// archive has its own path for offers (docs/keitaro.md §8.3)
		archive: { suffix: '/archive' },
		clone: {
			method: 'POST',
			copy: (state, source, now) => addOffer(state, copyFields(source, now)),
		},
	}),
	...fileRoutes('/offers', 'Offer'),
];
