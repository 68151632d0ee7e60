import type { INodePropertyOptions } from 'n8n-workflow';

import { SUB_ID_COUNT } from '../helpers/conversionData';

/** Columns of POST /conversions/log (api-notes §3.1): the conversion's own and its click's. */
const CONVERSION_COLUMNS: Array<[string, string]> = [
	['ad_campaign_id', 'Ad Campaign ID'],
	['affiliate_network_id', 'Affiliate Network ID'],
	['browser', 'Browser'],
	['campaign', 'Campaign'],
	['campaign_group_id', 'Campaign Group ID'],
	['campaign_id', 'Campaign ID'],
	['city', 'City'],
	['click_datetime', 'Click Time'],
	['conversion_id', 'Conversion ID'],
	['cost', 'Cost'],
	['country', 'Country'],
	['country_code', 'Country Code'],
	['creative_id', 'Creative ID'],
	['device_type', 'Device Type'],
	['external_id', 'External ID'],
	['ip', 'IP'],
	['keyword', 'Keyword'],
	['landing_id', 'Landing ID'],
	['offer', 'Offer'],
	['offer_id', 'Offer ID'],
	['original_status', 'Original Status'],
	['os', 'OS'],
	['params', 'Postback Parameters'],
	['postback_datetime', 'Conversion Time'],
	['previous_status', 'Previous Status'],
	['profit', 'Profit'],
	['revenue', 'Revenue'],
	['sale_datetime', 'Sale Time'],
	['sale_period', 'Seconds From Click To Sale'],
	['source', 'Source'],
	['status', 'Status'],
	['stream_id', 'Flow ID'],
	['sub_id', 'Click ID (Subid)'],
	['tid', 'Transaction ID'],
	['ts_id', 'Traffic Source ID'],
	['visitor_code', 'Visitor Code'],
];

export const conversionColumnOptions: INodePropertyOptions[] = [
	...CONVERSION_COLUMNS.map(([value, name]) => ({ name, value })),
	...Array.from({ length: SUB_ID_COUNT }, (_, n) => ({
		name: `Sub ID ${n + 1}`,
		value: `sub_id_${n + 1}`,
	})),
];

export const DEFAULT_CONVERSION_COLUMNS = [
	'conversion_id',
	'sub_id',
	'tid',
	'status',
	'previous_status',
	'revenue',
	'postback_datetime',
	'campaign_id',
	'campaign',
	'offer_id',
	'offer',
];
