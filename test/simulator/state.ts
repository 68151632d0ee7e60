/**
 * The simulator's data: an in-memory Keitaro with the objects conversions depend on.
 * Field names and value shapes follow Keitaro's Admin API (see docs/keitaro.md):
 * datetimes are "YYYY-MM-DD HH:MM:SS" strings (UTC here), money comes back as strings.
 */

export type ConversionStatus = 'lead' | 'sale' | 'rejected' | 'rebill';

export interface Campaign {
	id: number;
	alias: string;
	name: string;
	type: 'position' | 'weight';
	state: 'active' | 'disabled' | 'deleted';
	cost_type: string;
	cost_value: number;
	cost_currency: string;
	cost_auto: boolean;
	cookies_ttl: number;
	position: number;
	group_id: number;
	bind_visitors: string | null;
	traffic_source_id: number;
	token: string;
	parameters: Record<string, unknown>;
	postbacks: unknown[];
	notes: string;
	created_at: string;
	updated_at: string;
	/** write-only in Keitaro's API: the read model shows the domain's URL as `domain` */
	domain_id?: number;
}

export interface Offer {
	id: number;
	name: string;
	group_id: number;
	action_type: string;
	action_payload: string;
	action_options: Record<string, unknown>;
	affiliate_network_id: number;
	payout_value: number;
	payout_currency: string;
	payout_type: string;
	state: 'active' | 'deleted';
	payout_auto: boolean;
	payout_upsell: boolean;
	country: string[];
	notes: string;
	affiliate_network: string;
	created_at: string;
	updated_at: string;
	offer_type?: string;
	conversion_cap_enabled?: boolean;
	daily_cap?: number;
	alternative_offer_id?: number;
	conversion_timezone?: string;
}

export interface Group {
	id: number;
	name: string;
	position: number;
	type: 'campaigns' | 'offers' | 'landings' | 'domains';
}

/** A stream's offer or landing-page row (`OfferStream` / `LandingStream`). */
export interface StreamShare {
	id: number;
	stream_id: number;
	offer_id?: number;
	landing_id?: number;
	state: 'active' | 'disabled';
	share: number;
	created_at: string;
	updated_at: string;
}

export interface StreamFilter {
	id: number;
	stream_id: number;
	name: string;
	mode: 'accept' | 'reject';
	/** the spec's read model says string; Keitaro sends the list it was given (docs/keitaro.md §2.2) */
	payload: string[];
}

export interface Stream {
	id: number;
	type: 'forced' | 'regular' | 'default';
	name: string;
	campaign_id: number;
	position: number;
	weight: number;
	action_options: Record<string, unknown>;
	comments: string;
	state: 'active' | 'disabled' | 'deleted';
	updated_at: string;
	action_type: string;
	action_payload: string;
	schema: 'landings' | 'redirect' | 'action';
	collect_clicks: boolean;
	filter_or: boolean;
	filters: StreamFilter[];
	triggers: unknown[];
	landings: StreamShare[];
	offers: StreamShare[];
}

/** Something that happened to a stream (GET /streams/{id}/events). */
export interface StreamEvent {
	id: number;
	stream_id: number;
	datetime: string;
	type: string;
	message: string;
}

export interface Landing {
	id: number;
	landing_type: 'local' | 'external' | 'preloaded' | 'action';
	action_type: string;
	action_payload: string;
	action_options: Record<string, unknown>;
	name: string;
	group_id: number;
	notes: string;
	state: 'active' | 'disabled' | 'deleted';
	created_at: string;
	updated_at: string;
}

export interface TrafficSource {
	id: number;
	name: string;
	postback_url: string;
	postback_statuses: string[];
	template_name: string;
	accept_parameters: boolean;
	parameters: Record<string, unknown>;
	notes: string;
	state: 'active' | 'deleted';
	traffic_loss: number;
	created_at: string;
	updated_at: string;
}

export interface AffiliateNetwork {
	id: number;
	name: string;
	postback_url: string;
	offer_param: string;
	state: 'active' | 'deleted';
	template_name: string;
	notes: string;
	created_at: string;
	updated_at: string;
}

export interface Domain {
	id: number;
	name: string;
	network_status: 'validating' | 'active' | 'error';
	default_campaign_id: number;
	state: 'active' | 'deleted';
	is_ssl: boolean;
	wildcard: boolean;
	catch_not_found: boolean;
	notes: string;
	ssl_redirect: boolean;
	allow_indexing: boolean;
	created_at: string;
	updated_at: string;
}

/** A cost update Keitaro queued (POST /campaigns/{id}/update_costs). */
export interface CostJob {
	campaign_id: number;
	request: Record<string, unknown>;
	queued_at: string;
}

export interface Click {
	click_id: number;
	sub_id: string;
	visitor_code: string;
	datetime: string;
	campaign_id: number;
	stream_id: number;
	offer_id: number;
	landing_id: number;
	ts_id: number;
	ip: string;
	country_code: string;
	country: string;
	city: string;
	os: string;
	browser: string;
	device_type: string;
	user_agent: string;
	referrer: string;
	keyword: string;
	source: string;
	external_id: string;
	creative_id: string;
	ad_campaign_id: string;
	cost: number;
	is_unique_campaign: boolean;
	is_bot: boolean;
	sub_ids: Record<string, string>;
	/** what else Keitaro records about a click (region, isp, extra_param_1, …), by column name */
	details?: Record<string, string>;
}

export interface Conversion {
	conversion_id: number;
	sub_id: string;
	tid: string;
	status: ConversionStatus;
	previous_status: string;
	original_status: string;
	revenue: number;
	cost: number;
	postback_datetime: string;
	sale_datetime: string;
	params: Record<string, string>;
	sub_ids: Record<string, string>;
}

/** A value of a click column (an IP, a source…) marked whitelist or blacklist in a campaign's reports. */
export interface Label {
	campaign_id: number;
	ref_name: string;
	value: string;
	label: string;
}

export const ACCESS_TYPES = [
	'full_access',
	'read_only',
	'to_groups_and_selected',
	'created_by_user_groups_and_selected',
] as const;

export interface User {
	id: number;
	login: string;
	type: 'USER' | 'ADMIN';
	/** kept to check logins in tests; Keitaro never sends it back */
	password: string;
	preferences: { language: 'en' | 'ru'; timezone: string };
	access_data: Record<string, unknown> & { resources: string[]; reports: string[] };
}

/**
 * Which request keys name a report's columns. Keitaro's 2022 spec and v9 read `grouping` and
 * `metrics` (v9 also takes `dimensions` for `grouping`); the newer spec and recent trackers read
 * `dimensions` and `measures` (docs/keitaro.md §5.1).
 */
export type ReportDialect = 'current' | 'legacy';

export interface LogEntry {
	datetime: string;
	jid: string;
	message: string;
}

/**
 * What one applied postback did: the tests' ledger of changes, read to prove that no conversion
 * was created or changed twice (whatever the node reported).
 */
export interface AppliedPostback {
	jid: string;
	sub_id: string;
	tid: string;
	conversion_id: number;
	/** created a conversion, changed an existing one's status or revenue, or repeated what it had */
	effect: 'created' | 'changed' | 'unchanged';
}

export const LOG_TYPES = ['system', 'traffic', 'postbacks', 'ssl', 'sent_postbacks'] as const;
export type LogType = (typeof LOG_TYPES)[number];

export const SUB_ID_COUNT = 30;
export const TRACKER_CURRENCY = 'USD';
/** Fixed rates to the tracker currency: Keitaro converts postback payouts with its own table. */
export const RATES_TO_USD: Record<string, number> = {
	USD: 1,
	EUR: 1.1,
	GBP: 1.25,
	RUB: 0.011,
	UAH: 0.025,
};

export interface SimulatorState {
	campaigns: Campaign[];
	offers: Offer[];
	groups: Group[];
	clicks: Click[];
	/** Index of clicks by sub_id: look-ups by subid are the hot path of postbacks. */
	clicksBySubId: Map<string, Click>;
	conversions: Conversion[];
	conversionsBySubId: Map<string, Conversion[]>;
	logs: Record<LogType, LogEntry[]>;
	applied: AppliedPostback[];
	nextIds: Record<'campaign' | 'offer' | 'group' | 'click' | 'conversion' | 'job', number> &
		Partial<Record<TrafficIdKind, number>>;
	streams: Stream[];
	streamEvents: StreamEvent[];
	landings: Landing[];
	trafficSources: TrafficSource[];
	affiliateNetworks: AffiliateNetwork[];
	domains: Domain[];
	/** files of local landing pages and offers, by "/landing_pages/3" or "/offers/5", then by path */
	files: Map<string, Map<string, string>>;
	costJobs: CostJob[];
	users: User[];
	/** the bot list (GET /botlist): IPs, ranges and masks, in the order added */
	botList: string[];
	integrations: { avscan_key: string; imklo_api_url: string };
	labels: Label[];
	reportDialect: ReportDialect;
}

export type TrafficIdKind =
	| 'stream'
	| 'landing'
	| 'trafficSource'
	| 'affiliateNetwork'
	| 'domain'
	| 'row'
	| 'event';

/** The next ID of a kind of object the traffic routes create. */
export function nextId(state: SimulatorState, kind: TrafficIdKind): number {
	const id = state.nextIds[kind] ?? 1;
	state.nextIds[kind] = id + 1;
	return id;
}

export function emptyState(): SimulatorState {
	return {
		campaigns: [],
		offers: [],
		groups: [],
		clicks: [],
		clicksBySubId: new Map(),
		conversions: [],
		conversionsBySubId: new Map(),
		logs: { system: [], traffic: [], postbacks: [], ssl: [], sent_postbacks: [] },
		applied: [],
		nextIds: { campaign: 1, offer: 1, group: 1, click: 1, conversion: 1, job: 1 },
		streams: [],
		streamEvents: [],
		landings: [],
		trafficSources: [],
		affiliateNetworks: [],
		domains: [],
		files: new Map(),
		costJobs: [],
		users: [],
		botList: [],
		integrations: { avscan_key: '', imklo_api_url: '' },
		labels: [],
		reportDialect: 'current',
	};
}

export function keitaroDate(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function money(value: number): string {
	return value.toFixed(2);
}
