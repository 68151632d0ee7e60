/**
 * The simulator's data: an in-memory Keitaro with the objects conversions depend on.
 * Field names and value shapes follow Keitaro's Admin API (see ../shared/keitaro/api-notes.md):
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
}

export interface Group {
	id: number;
	name: string;
	position: number;
	type: 'campaigns' | 'offers' | 'landings' | 'domains';
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
	nextIds: Record<'campaign' | 'offer' | 'group' | 'click' | 'conversion' | 'job', number>;
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
	};
}

export function keitaroDate(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

export function money(value: number): string {
	return value.toFixed(2);
}
