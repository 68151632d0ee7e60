/** Builders for simulator data, and the demo data set `npm start` and the examples use. */
import { indexConversion } from './postback';
import type {
	AffiliateNetwork,
	Campaign,
	Click,
	Conversion,
	Domain,
	Group,
	Landing,
	Offer,
	SimulatorState,
	Stream,
	StreamEvent,
	TrafficSource,
	User,
} from './state';
import { keitaroDate, nextId } from './state';

const CREATED = '2026-01-05 09:00:00';

export function addCampaign(state: SimulatorState, fields: Partial<Campaign> = {}): Campaign {
	const id = fields.id ?? state.nextIds.campaign++;
	const campaign: Campaign = {
		id,
		alias: `cmp${id}`,
		name: `Campaign ${id}`,
		type: 'position',
		state: 'active',
		cost_type: 'CPC',
		cost_value: 0,
		cost_currency: '',
		cost_auto: false,
		cookies_ttl: 24,
		position: id,
		group_id: 0,
		bind_visitors: null,
		traffic_source_id: 0,
		token: `tok${id}secret`,
		parameters: {},
		postbacks: [],
		notes: '',
		created_at: CREATED,
		updated_at: CREATED,
		...fields,
	};
	state.campaigns.push(campaign);
	return campaign;
}

export function addOffer(state: SimulatorState, fields: Partial<Offer> = {}): Offer {
	const id = fields.id ?? state.nextIds.offer++;
	const offer: Offer = {
		id,
		name: `Offer ${id}`,
		group_id: 0,
		action_type: 'http',
		action_payload: `https://offer.example/${id}?sub1={subid}`,
		action_options: {},
		affiliate_network_id: 0,
		payout_value: 10,
		payout_currency: 'USD',
		payout_type: 'CPA',
		state: 'active',
		payout_auto: true,
		payout_upsell: false,
		country: [],
		notes: '',
		affiliate_network: '',
		created_at: CREATED,
		updated_at: CREATED,
		...fields,
	};
	state.offers.push(offer);
	return offer;
}

export function addGroup(
	state: SimulatorState,
	fields: Partial<Group> & Pick<Group, 'name'>,
): Group {
	const group: Group = { id: state.nextIds.group++, position: 0, type: 'campaigns', ...fields };
	state.groups.push(group);
	return group;
}

export function addClick(state: SimulatorState, fields: Partial<Click> = {}): Click {
	const clickId = fields.click_id ?? state.nextIds.click++;
	const click: Click = {
		click_id: clickId,
		sub_id: `sub${clickId.toString(36).padStart(6, '0')}`,
		visitor_code: `v${clickId}`,
		datetime: CREATED,
		campaign_id: state.campaigns[0]?.id ?? 0,
		stream_id: 1,
		offer_id: state.offers[0]?.id ?? 0,
		landing_id: 0,
		ts_id: 0,
		ip: `10.0.${(clickId >> 8) & 255}.${clickId & 255}`,
		country_code: 'DE',
		country: 'Germany',
		city: 'Berlin',
		os: 'Android',
		browser: 'Chrome',
		device_type: 'mobile',
		user_agent: 'Mozilla/5.0',
		referrer: '',
		keyword: '',
		source: 'fb',
		external_id: '',
		creative_id: '',
		ad_campaign_id: '',
		cost: 0.05,
		is_unique_campaign: true,
		is_bot: false,
		sub_ids: {},
		...fields,
	};
	state.clicks.push(click);
	state.clicksBySubId.set(click.sub_id, click);
	return click;
}

export function addConversion(
	state: SimulatorState,
	fields: Partial<Conversion> & Pick<Conversion, 'sub_id'>,
): Conversion {
	const conversion: Conversion = {
		conversion_id: fields.conversion_id ?? state.nextIds.conversion++,
		tid: '',
		status: 'lead',
		previous_status: '',
		original_status: fields.status ?? 'lead',
		revenue: 0,
		cost: 0,
		postback_datetime: CREATED,
		sale_datetime: '',
		params: {},
		sub_ids: {},
		...fields,
	};
	indexConversion(state, conversion);
	return conversion;
}

export function addUser(state: SimulatorState, fields: Partial<User> & Pick<User, 'login'>): User {
	const user: User = {
		id: Math.max(0, ...state.users.map((u) => u.id)) + 1,
		type: 'USER',
		password: 'secret-password',
		preferences: { language: 'en', timezone: 'UTC' },
		access_data: { campaigns_access_type: 'read_only', resources: [], reports: [] },
		...fields,
	};
	state.users.push(user);
	return user;
}

/**
 * The demo tracker the examples run on: two campaigns, an offer that takes payouts from postbacks
 * and one that does not, and six clicks: two leads waiting to become sales, two sales (one to be
 * refunded in part, one charged back), one click without a conversion, and a lead that became a
 * sale half an hour ago (what the Keitaro Trigger example reports).
 */
export function seedDemo(state: SimulatorState, now: Date): void {
	addGroup(state, { name: 'Nutra', type: 'campaigns' });
	addGroup(state, { name: 'Finance', type: 'offers' });
	const spring = addCampaign(state, { name: 'Spring AU', alias: 'springau' });
	addCampaign(state, { name: 'Autumn DE', alias: 'autumnde' });
	const auto = addOffer(state, {
		name: 'Keto Max (payout from postback)',
		payout_auto: true,
		payout_value: 20,
	});
	addOffer(state, {
		name: 'Loan Pro (fixed payout)',
		payout_auto: false,
		payout_value: 15,
		payout_upsell: true,
	});
	const at = keitaroDate(new Date(now.getTime() - 3600_000));
	const conversions: Array<[string, string, 'lead' | 'sale', number]> = [
		['demo-click-1', 'crm-1001', 'lead', 0],
		['demo-click-2', 'crm-1002', 'lead', 0],
		['demo-click-3', 'crm-1003', 'sale', 30],
		['demo-click-4', 'crm-1004', 'sale', 45],
	];
	for (const [subId, tid, status, revenue] of conversions) {
		addClick(state, { sub_id: subId, campaign_id: spring.id, offer_id: auto.id, datetime: at });
		addConversion(state, {
			sub_id: subId,
			tid,
			status,
			revenue,
			postback_datetime: at,
			sale_datetime: status === 'sale' ? at : '',
		});
	}
	addClick(state, {
		sub_id: 'demo-click-5',
		campaign_id: spring.id,
		offer_id: auto.id,
		datetime: at,
	});
	addClick(state, {
		sub_id: 'demo-click-6',
		campaign_id: spring.id,
		offer_id: auto.id,
		datetime: at,
	});
	addConversion(state, {
		sub_id: 'demo-click-6',
		tid: 'crm-1006',
		status: 'sale',
		previous_status: 'lead',
		original_status: 'approved',
		revenue: 35,
		postback_datetime: at,
		sale_datetime: keitaroDate(new Date(now.getTime() - 1800_000)),
	});
	seedTraffic(state);
}

export function addStream(
	state: SimulatorState,
	fields: Partial<Stream> & Pick<Stream, 'campaign_id'>,
): Stream {
	const id = fields.id ?? nextId(state, 'stream');
	const stream: Stream = {
		id,
		type: 'regular',
		name: `Stream ${id}`,
		position: state.streams.filter((s) => s.campaign_id === fields.campaign_id).length + 1,
		weight: 100,
		action_options: {},
		comments: '',
		state: 'active',
		updated_at: CREATED,
		action_type: 'http',
		action_payload: '',
		schema: 'redirect',
		collect_clicks: false,
		filter_or: false,
		filters: [],
		triggers: [],
		landings: [],
		offers: [],
		...fields,
	};
	state.streams.push(stream);
	return stream;
}

export function addStreamEvent(
	state: SimulatorState,
	fields: Partial<StreamEvent> & Pick<StreamEvent, 'stream_id' | 'message'>,
): StreamEvent {
	const event: StreamEvent = {
		id: nextId(state, 'event'),
		datetime: CREATED,
		type: 'trigger',
		...fields,
	};
	state.streamEvents.push(event);
	return event;
}

export function addLanding(state: SimulatorState, fields: Partial<Landing> = {}): Landing {
	const id = fields.id ?? nextId(state, 'landing');
	const landing: Landing = {
		id,
		landing_type: 'external',
		action_type: 'http',
		action_payload: `https://lp.example/${id}`,
		action_options: {},
		name: `Landing ${id}`,
		group_id: 0,
		notes: '',
		state: 'active',
		created_at: CREATED,
		updated_at: CREATED,
		...fields,
	};
	state.landings.push(landing);
	return landing;
}

export function addTrafficSource(
	state: SimulatorState,
	fields: Partial<TrafficSource> = {},
): TrafficSource {
	const id = fields.id ?? nextId(state, 'trafficSource');
	const source: TrafficSource = {
		id,
		name: `Source ${id}`,
		postback_url: '',
		postback_statuses: [],
		template_name: '',
		accept_parameters: false,
		parameters: {},
		notes: '',
		state: 'active',
		traffic_loss: 0,
		created_at: CREATED,
		updated_at: CREATED,
		...fields,
	};
	state.trafficSources.push(source);
	return source;
}

export function addAffiliateNetwork(
	state: SimulatorState,
	fields: Partial<AffiliateNetwork> = {},
): AffiliateNetwork {
	const id = fields.id ?? nextId(state, 'affiliateNetwork');
	const network: AffiliateNetwork = {
		id,
		name: `Network ${id}`,
		postback_url: '',
		offer_param: '',
		state: 'active',
		template_name: '',
		notes: '',
		created_at: CREATED,
		updated_at: CREATED,
		...fields,
	};
	state.affiliateNetworks.push(network);
	return network;
}

export function addDomain(
	state: SimulatorState,
	fields: Partial<Domain> & Pick<Domain, 'name'>,
): Domain {
	const domain: Domain = {
		id: fields.id ?? nextId(state, 'domain'),
		network_status: 'active',
		default_campaign_id: 0,
		state: 'active',
		is_ssl: true,
		wildcard: false,
		catch_not_found: false,
		notes: '',
		ssl_redirect: false,
		allow_indexing: true,
		created_at: CREATED,
		updated_at: CREATED,
		...fields,
	};
	state.domains.push(domain);
	return domain;
}

/**
 * Traffic objects around the demo campaigns: a traffic source and an affiliate network, a domain,
 * a landing page with files, and a stream of "Spring AU" that sends Australians to the first offer.
 */
export function seedTraffic(state: SimulatorState): void {
	const campaign = state.campaigns[0] ?? addCampaign(state);
	const offer = state.offers[0] ?? addOffer(state);
	addTrafficSource(state, { name: 'Facebook', template_name: 'facebook' });
	const network = addAffiliateNetwork(state, {
		name: 'AdCombo',
		offer_param: 'subacc4={subid}',
	});
	offer.affiliate_network_id = network.id;
	addDomain(state, { name: 'go.example.com' });
	const landing = addLanding(state, {
		name: 'Keto quiz',
		landing_type: 'local',
		action_type: 'local_file',
		action_payload: '',
	});
	state.files.set(
		`/landing_pages/${landing.id}`,
		new Map([
			['index.html', '<html><body><a href="{offer}">Order</a></body></html>'],
			['order/success.html', '<p>Thank you</p>'],
		]),
	);
	const stream = addStream(state, {
		campaign_id: campaign.id,
		name: 'AU mobile',
		schema: 'landings',
		collect_clicks: true,
	});
	stream.filters.push({
		id: nextId(state, 'row'),
		stream_id: stream.id,
		name: 'country',
		mode: 'accept',
		payload: ['AU'],
	});
	for (const [list, key, id] of [
		['offers', 'offer_id', offer.id],
		['landings', 'landing_id', landing.id],
	] as const) {
		stream[list].push({
			id: nextId(state, 'row'),
			stream_id: stream.id,
			[key]: id,
			state: 'active',
			share: 100,
			created_at: CREATED,
			updated_at: CREATED,
		});
	}
	addStreamEvent(state, { stream_id: stream.id, message: 'Stream created' });
}
