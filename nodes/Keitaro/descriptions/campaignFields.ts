import { idAsNumber, groupIdAsString, toParameters } from '../helpers/objectInput';
import type { BodyField } from './objectFields';
import { groupField, nameField, notesField, parametersField } from './objectFields';

/** What a Keitaro admin sets on a campaign (`CampaignRequest`). */
export const campaignFields: BodyField[] = [
	{ key: 'name', required: true, field: { ...nameField, placeholder: 'Spring AU' } },
	{
		key: 'alias',
		field: {
			displayName: 'Alias',
			name: 'alias',
			type: 'string',
			default: '',
			placeholder: 'k3Tq9ZpL',
			description:
				'The campaign’s path in its URL (https://your-domain/ALIAS); unique. Create makes a random one when empty.',
		},
	},
	{
		key: 'bind_visitors',
		field: {
			displayName: 'Bind Visitors',
			name: 'bindVisitors',
			type: 'options',
			default: '',
			options: [
				{ name: 'Off', value: '' },
				{ name: 'To Streams', value: 's' },
				{ name: 'To Streams and Landing Pages', value: 'sl' },
				{ name: 'To Streams, Landing Pages and Offers', value: 'slo' },
			],
			description: 'Whether a returning visitor gets the same stream (and landing page and offer)',
		},
		toKeitaro: (value) => (value ? value : null),
	},
	{
		key: 'cost_auto',
		field: {
			displayName: 'Cost From Click',
			name: 'costAuto',
			type: 'boolean',
			default: false,
			description:
				'Whether to take each click’s cost from the "cost" parameter of the campaign URL',
		},
	},
	{
		key: 'cost_currency',
		field: {
			displayName: 'Cost Currency Name or ID',
			name: 'costCurrency',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getCurrencies' },
			description:
				'Empty uses the tracker’s currency. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	},
	{
		key: 'cost_type',
		field: {
			displayName: 'Cost Model',
			name: 'costType',
			type: 'options',
			default: 'CPC',
			options: [
				{ name: 'CPC (per Click)', value: 'CPC' },
				{ name: 'CPM (per 1000 Impressions)', value: 'CPM' },
				{ name: 'CPUC (per Unique Click)', value: 'CPUC' },
			],
		},
	},
	{
		key: 'cost_value',
		field: {
			displayName: 'Cost Value',
			name: 'costValue',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 4 },
			description: 'What one unit of the cost model costs',
		},
	},
	{
		key: 'cookies_ttl',
		field: {
			displayName: 'Uniqueness Period (Hours)',
			name: 'cookiesTtl',
			type: 'number',
			default: 24,
			typeOptions: { minValue: 1 },
			description: 'After how many hours a returning visitor counts as unique again',
		},
	},
	{
		key: 'domain_id',
		field: {
			displayName: 'Domain Name or ID',
			name: 'domainId',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getDomains' },
			description:
				'The domain of the campaign URL. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		toKeitaro: idAsNumber('Domain'),
	},
	{ key: 'group_id', field: groupField, toKeitaro: groupIdAsString },
	{ key: 'notes', field: notesField },
	{ key: 'parameters', field: parametersField, toKeitaro: toParameters },
	{
		key: 'traffic_source_id',
		field: {
			displayName: 'Traffic Source Name or ID',
			name: 'trafficSourceId',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getTrafficSources' },
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		toKeitaro: idAsNumber('Traffic Source'),
	},
	{
		key: 'type',
		field: {
			displayName: 'Stream Rotation',
			name: 'rotation',
			type: 'options',
			default: 'position',
			options: [
				{
					name: 'By Position',
					value: 'position',
					description: 'The first stream whose filters match gets the visitor',
				},
				{
					name: 'By Weight (Split Test)',
					value: 'weight',
					description: 'Matching streams share visitors by their weight',
				},
			],
		},
	},
];
