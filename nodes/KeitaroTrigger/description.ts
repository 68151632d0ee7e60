import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { columnOptions, CONVERSION_LOG_COLUMNS } from '../Keitaro/descriptions/columns';
import { DEFAULT_CONVERSION_COLUMNS } from '../Keitaro/descriptions/conversionColumns';
import { subIdsField } from '../Keitaro/descriptions/conversionData';
import { dateRangeFields } from '../Keitaro/descriptions/dateRange';
import { simplifyOption } from '../Keitaro/descriptions/options';
import { CONVERSION_STATUSES, SUB_ID_COUNT } from '../Keitaro/helpers/conversionData';

export type TriggerEvent =
	| 'conversionStatusChanged'
	| 'newClick'
	| 'newConversion'
	| 'reportThreshold';

const CONVERSION_EVENTS: TriggerEvent[] = ['newConversion', 'conversionStatusChanged'];
const LOG_EVENTS: TriggerEvent[] = [...CONVERSION_EVENTS, 'newClick'];

const statusOptions: INodePropertyOptions[] = CONVERSION_STATUSES.map((s) => ({
	name: s[0].toUpperCase() + s.slice(1),
	value: s,
}));

/** Columns of POST /clicks/log (docs/keitaro.md §4.1) the trigger offers. */
const clickColumnOptions: INodePropertyOptions[] = [
	...(
		[
			['ad_campaign_id', 'Ad Campaign ID'],
			['browser', 'Browser'],
			['campaign', 'Campaign'],
			['campaign_id', 'Campaign ID'],
			['city', 'City'],
			['click_id', 'Click ID'],
			['cost', 'Cost'],
			['country', 'Country'],
			['country_code', 'Country Code'],
			['creative_id', 'Creative ID'],
			['datetime', 'Click Time'],
			['device_type', 'Device Type'],
			['external_id', 'External ID'],
			['ip', 'IP'],
			['is_bot', 'Is Bot'],
			['is_unique_campaign', 'Is Unique in Campaign'],
			['keyword', 'Keyword'],
			['landing_id', 'Landing ID'],
			['offer', 'Offer'],
			['offer_id', 'Offer ID'],
			['os', 'OS'],
			['referrer', 'Referrer'],
			['source', 'Source'],
			['stream_id', 'Flow ID'],
			['sub_id', 'Click ID (Subid)'],
			['ts_id', 'Traffic Source ID'],
			['user_agent', 'User Agent'],
		] as Array<[string, string]>
	).map(([value, name]) => ({ name, value })),
	...Array.from({ length: SUB_ID_COUNT }, (_, n) => ({
		name: `Sub ID ${n + 1}`,
		value: `sub_id_${n + 1}`,
	})),
];

export const DEFAULT_CLICK_COLUMNS = [
	'click_id',
	'sub_id',
	'datetime',
	'campaign_id',
	'campaign',
	'offer_id',
	'offer',
	'ts_id',
	'country_code',
	'source',
];

/** Report dimensions a threshold can be watched per; the first column tells the groups apart. */
export const GROUPINGS: Record<string, string[]> = {
	campaign: ['campaign_id', 'campaign'],
	country: ['country_code'],
	none: [],
	offer: ['offer_id', 'offer'],
	trafficSource: ['ts_id'],
};

const METRICS: Array<[string, string]> = [
	['clicks', 'Clicks'],
	['conversions', 'Conversions'],
	['cost', 'Cost'],
	['cr', 'Conversion Rate (%)'],
	['epc', 'Earnings per Click'],
	['leads', 'Leads'],
	['profit', 'Profit'],
	['rejected', 'Rejected'],
	['revenue', 'Revenue'],
	['roi', 'ROI (%)'],
	['sales', 'Sales'],
];

const dateRange = dateRangeFields.find((f) => f.name === 'dateRange')!;
const timezone = dateRangeFields.find((f) => f.name === 'timezone')!;

const show = (events: TriggerEvent[]) => ({ show: { event: events } });

export const properties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newConversion',
		options: [
			{
				name: 'Conversion Status Changed',
				value: 'conversionStatusChanged',
				description: 'A conversion moved from one status to another, e.g. lead → sale',
			},
			{
				name: 'New Click',
				value: 'newClick',
				description: 'A click matching the filters was recorded',
			},
			{
				name: 'New Conversion',
				value: 'newConversion',
				description: 'A conversion appeared in the conversions log',
			},
			{
				name: 'Report Metric Threshold',
				value: 'reportThreshold',
				description: 'A report metric crossed a value (once per crossing)',
			},
		],
	},
	{
		displayName:
			'Keitaro keeps a conversion’s time when its status changes, so the trigger watches the conversions created in the last days below and emits each change once. Only the last change between two polls is seen (Keitaro’s Previous Status).',
		name: 'statusChangeNotice',
		type: 'notice',
		default: '',
		displayOptions: show(['conversionStatusChanged']),
	},
	{
		displayName: 'From Status',
		name: 'fromStatus',
		type: 'multiOptions',
		default: ['lead'],
		options: statusOptions,
		displayOptions: show(['conversionStatusChanged']),
		description: 'Status before the change (Keitaro’s Previous Status). None selected: any.',
	},
	{
		displayName: 'To Status',
		name: 'toStatus',
		type: 'multiOptions',
		default: ['sale'],
		options: statusOptions,
		displayOptions: show(['conversionStatusChanged']),
		description: 'Status after the change. None selected: any.',
	},
	{
		displayName: 'Metric',
		name: 'metric',
		type: 'options',
		default: 'revenue',
		options: METRICS.map(([value, name]) => ({ name, value })),
		displayOptions: show(['reportThreshold']),
	},
	{
		displayName: 'Group By',
		name: 'groupBy',
		type: 'options',
		default: 'campaign',
		options: [
			{ name: 'Campaign', value: 'campaign' },
			{ name: 'Country', value: 'country' },
			{ name: 'Offer', value: 'offer' },
			{ name: 'Traffic Source', value: 'trafficSource' },
			{ name: 'Whole Tracker', value: 'none' },
		],
		displayOptions: show(['reportThreshold']),
		description: 'The report grouping: each group crosses the threshold on its own',
	},
	{
		displayName: 'Condition',
		name: 'condition',
		type: 'options',
		default: 'risesAbove',
		options: [
			{ name: 'Falls Below', value: 'fallsBelow' },
			{ name: 'Rises Above', value: 'risesAbove' },
		],
		displayOptions: show(['reportThreshold']),
	},
	{
		displayName: 'Value',
		name: 'threshold',
		type: 'number',
		default: 0,
		typeOptions: { numberPrecision: 2 },
		displayOptions: show(['reportThreshold']),
		description:
			'The trigger fires when the metric crosses this value, once per crossing; it fires again only after the metric has gone back',
	},
	{
		...dateRange,
		default: 'today',
		options: (dateRange.options as INodePropertyOptions[]).filter((o) => o.value !== 'custom'),
		displayOptions: show(['reportThreshold']),
		description:
			'The report period, counted in the time zone below. Periods like Today start again at midnight, so a daily threshold fires again the next day.',
	},
	{ ...timezone, displayOptions: show(['reportThreshold']) },
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Campaign ID', name: 'campaignId', type: 'number', default: 0 },
			{
				displayName: 'Country Code',
				name: 'countryCode',
				type: 'string',
				default: '',
				placeholder: 'DE',
			},
			{ displayName: 'Offer ID', name: 'offerId', type: 'number', default: 0 },
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				default: [],
				options: statusOptions,
				displayOptions: { show: { '/event': ['newConversion'] } },
				description: 'Only conversions that have one of these statuses when they appear',
			},
			subIdsField,
			{ displayName: 'Traffic Source ID', name: 'trafficSourceId', type: 'number', default: 0 },
		],
	},
	{ ...simplifyOption, default: true, displayOptions: show(LOG_EVENTS) },
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'multiOptions',
		default: [...DEFAULT_CONVERSION_COLUMNS],
		options: columnOptions(CONVERSION_LOG_COLUMNS),
		displayOptions: { show: { event: CONVERSION_EVENTS, simplify: [false] } },
		description:
			'Which columns each conversion has. Conversion ID, Status, Previous Status and Conversion Time are always included.',
	},
	{
		displayName: 'Columns',
		name: 'columns',
		type: 'multiOptions',
		default: [...DEFAULT_CLICK_COLUMNS],
		options: clickColumnOptions,
		displayOptions: { show: { event: ['newClick'], simplify: [false] } },
		description: 'Which columns each click has. Click ID and Click Time are always included.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show(LOG_EVENTS),
		options: [
			{
				displayName: 'Backfill on First Activation (Minutes)',
				name: 'backfillMinutes',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 10080 },
				description:
					'Whether to also emit the events of the last minutes when the workflow is activated for the first time. 0 starts from now.',
			},
			{
				displayName: 'Late Arrival Window (Minutes)',
				name: 'lateArrivalMinutes',
				type: 'number',
				default: 60,
				typeOptions: { minValue: 1, maxValue: 10080 },
				displayOptions: { show: { '/event': ['newConversion', 'newClick'] } },
				description:
					'How far back each poll reads again. Keitaro queues postbacks and clicks and may date a conversion earlier (conversion_time); events that show up later than this are missed.',
			},
			{
				displayName: 'Watch Conversions Created in the Last (Days)',
				name: 'watchDays',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 1, maxValue: 365 },
				displayOptions: { show: { '/event': ['conversionStatusChanged'] } },
				description:
					'Status changes of older conversions are not seen: Keitaro’s log can only be read by conversion time',
			},
		],
	},
];
