import type { INodePropertyOptions } from 'n8n-workflow';

import { SUB_ID_COUNT } from '../helpers/conversionData';

/**
 * Keitaro's column names for its three grid queries (POST /clicks/log, /conversions/log,
 * /report/build), from the spec's report/build description and docs/keitaro.md §3.1, §4.1, §5.4.
 * One catalogue: a click's attributes are columns of the clicks log, inherited by every
 * conversion row, and dimensions of reports.
 */
export type Column = [value: string, name: string];

/** How many extra_param_N columns Keitaro documents. */
const EXTRA_PARAM_COUNT = 10;

const numbered = (prefix: string, label: string, count: number): Column[] =>
	Array.from({ length: count }, (_, n) => [`${prefix}${n + 1}`, `${label} ${n + 1}`]);

/** What Keitaro knows about a click: ids, names, visitor data, the ad platform's values. */
export const CLICK_ATTRIBUTES: Column[] = [
	['ad_campaign_id', 'Ad Campaign ID'],
	['affiliate_network', 'Affiliate Network'],
	['affiliate_network_id', 'Affiliate Network ID'],
	['browser', 'Browser'],
	['browser_version', 'Browser Version'],
	['campaign', 'Campaign'],
	['campaign_group', 'Campaign Group'],
	['campaign_group_id', 'Campaign Group ID'],
	['campaign_id', 'Campaign ID'],
	['city', 'City'],
	['connection_type', 'Connection Type'],
	['country', 'Country'],
	['country_code', 'Country Code'],
	['creative_id', 'Creative ID'],
	['device_model', 'Device Model'],
	['device_type', 'Device Type'],
	['external_id', 'External ID'],
	['ip', 'IP'],
	['isp', 'ISP'],
	['keyword', 'Keyword'],
	['landing', 'Landing Page'],
	['landing_id', 'Landing Page ID'],
	['language', 'Language'],
	['offer', 'Offer'],
	['offer_id', 'Offer ID'],
	['operator', 'Mobile Operator'],
	['os', 'OS'],
	['os_version', 'OS Version'],
	['referrer', 'Referrer'],
	['region', 'Region'],
	['search_engine', 'Search Engine'],
	['source', 'Source'],
	['stream', 'Flow'],
	['stream_id', 'Flow ID'],
	['sub_id', 'Click ID (Subid)'],
	['ts', 'Traffic Source'],
	['ts_id', 'Traffic Source ID'],
	['user_agent', 'User Agent'],
	['visitor_code', 'Visitor Code'],
	...numbered('sub_id_', 'Sub ID', SUB_ID_COUNT),
	...numbered('extra_param_', 'Extra Param', EXTRA_PARAM_COUNT),
];

/** Columns of POST /conversions/log: the conversion's own, then its click's (docs/keitaro.md §3.1). */
export const CONVERSION_LOG_COLUMNS: Column[] = [
	['click_datetime', 'Click Time'],
	['conversion_id', 'Conversion ID'],
	['cost', 'Cost'],
	['original_status', 'Original Status'],
	['params', 'Postback Parameters'],
	['postback_datetime', 'Conversion Time'],
	['previous_status', 'Previous Status'],
	['profit', 'Profit'],
	['profitability', 'Profitability'],
	['revenue', 'Revenue'],
	['sale_datetime', 'Sale Time'],
	['sale_period', 'Seconds From Click To Sale'],
	['status', 'Status'],
	['tid', 'Transaction ID'],
	...CLICK_ATTRIBUTES,
];

/** Flags Keitaro sets on a click (0 or 1). */
const CLICK_FLAGS: Column[] = [
	['is_bot', 'Is Bot'],
	['is_lead', 'Is Lead'],
	['is_rejected', 'Is Rejected'],
	['is_sale', 'Is Sale'],
	['is_unique_campaign', 'Is Unique in Campaign'],
	['is_unique_stream', 'Is Unique in Flow'],
	['is_using_proxy', 'Is Using Proxy'],
];

/** Columns of POST /clicks/log (docs/keitaro.md §4.1). */
export const CLICK_LOG_COLUMNS: Column[] = [
	['click_id', 'Click Number'],
	['cost', 'Cost'],
	['datetime', 'Click Time'],
	['destination', 'Destination'],
	['landing_clicked', 'Landing Page Clicked'],
	['lead_revenue', 'Lead Revenue'],
	['parent_campaign', 'Parent Campaign'],
	['parent_campaign_id', 'Parent Campaign ID'],
	['profit', 'Profit'],
	['rebills', 'Rebills'],
	['rejected_revenue', 'Rejected Revenue'],
	['revenue', 'Revenue'],
	['sale_revenue', 'Sale Revenue'],
	...CLICK_FLAGS,
	...CLICK_ATTRIBUTES,
];

/** What a report can group by (the spec's "columns" of report/build, docs/keitaro.md §5.4). */
export const REPORT_DIMENSIONS: Column[] = [
	['day', 'Day'],
	['day_hour', 'Day and Hour'],
	['datetime', 'Date and Time'],
	['destination', 'Destination'],
	['device_type_id', 'Device Type ID'],
	['hour', 'Hour'],
	['ip_mask1', 'IP Mask (x.x.x.*)'],
	['ip_mask2', 'IP Mask (x.x.*.*)'],
	['label', 'Label'],
	['landing_clicked_datetime', 'Landing Page Click Time'],
	['language_id', 'Language ID'],
	['month', 'Month'],
	['parent_campaign', 'Parent Campaign'],
	['parent_campaign_id', 'Parent Campaign ID'],
	['week', 'Week'],
	['weekday', 'Weekday'],
	['year', 'Year'],
	...CLICK_FLAGS,
	...CLICK_ATTRIBUTES,
];

/** What a report can count and sum (the spec's "metrics" of report/build, docs/keitaro.md §5.4). */
export const REPORT_MEASURES: Column[] = [
	['approve', 'Approve Rate'],
	['bot_share', 'Bot Share'],
	['bots', 'Bots'],
	['campaign_unique_clicks', 'Unique Clicks (Campaign)'],
	['clicks', 'Clicks'],
	['conversions', 'Conversions'],
	['cost', 'Cost'],
	['cpa', 'CPA'],
	['cpc', 'CPC'],
	['cps', 'CPS'],
	['cr', 'CR'],
	['crl', 'CR (Leads)'],
	['crs', 'CR (Sales)'],
	['ec', 'EC'],
	['ec_confirmed', 'EC (Confirmed)'],
	['ecpc', 'eCPC'],
	['ecpm', 'eCPM'],
	['ecpm_confirmed', 'eCPM (Confirmed)'],
	['empty_referrers', 'Empty Referrers'],
	['epc', 'EPC'],
	['epc_confirmed', 'EPC (Confirmed)'],
	['global_unique_clicks', 'Unique Clicks (Global)'],
	['landing_clicked_period', 'Time to Landing Page Click'],
	['lead_revenue', 'Lead Revenue'],
	['leads', 'Leads'],
	['lp_clicks', 'Landing Page Clicks'],
	['lp_ctr', 'Landing Page CTR'],
	['profit', 'Profit'],
	['profit_confirmed', 'Profit (Confirmed)'],
	['profitability', 'Profitability'],
	['proxies', 'Proxies'],
	['rebills', 'Rebills'],
	['rejected', 'Rejected'],
	['rejected_revenue', 'Rejected Revenue'],
	['revenue', 'Revenue'],
	['roi', 'ROI'],
	['roi_confirmed', 'ROI (Confirmed)'],
	['sale_revenue', 'Sale Revenue'],
	['sales', 'Sales'],
	['stream_unique_clicks', 'Unique Clicks (Flow)'],
	['uc_campaign_rate', 'Unique Rate (Campaign)'],
	['uc_global_rate', 'Unique Rate (Global)'],
	['uc_stream_rate', 'Unique Rate (Flow)'],
];

/** Option lists for n8n, sorted by name as n8n's guidelines ask. */
export function columnOptions(columns: Column[]): INodePropertyOptions[] {
	return columns
		.map(([value, name]) => ({ name, value }))
		.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** Keitaro sends numbers as strings on some builds; these columns hold numbers. */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set([
	'click_id',
	'conversion_id',
	'campaign_id',
	'campaign_group_id',
	'offer_id',
	'stream_id',
	'landing_id',
	'ts_id',
	'affiliate_network_id',
	'parent_campaign_id',
	'language_id',
	'device_type_id',
	'sale_period',
	...CLICK_FLAGS.map(([value]) => value),
	...REPORT_MEASURES.map(([value]) => value),
]);
