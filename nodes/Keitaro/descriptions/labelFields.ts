import type { INodeProperties } from 'n8n-workflow';

/**
 * Report labels: values of a click column (IPs, sources, sub IDs…) marked whitelist or blacklist
 * in a campaign's reports (GET/POST /report/labels; the spec's ref_name list).
 */
export const labelFields: INodeProperties[] = [
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'number',
		default: 0,
		required: true,
		description: 'The campaign whose report labels these are',
	},
	{
		displayName: 'Column',
		name: 'refName',
		type: 'options',
		default: 'source',
		options: [
			{ name: 'Ad Campaign ID', value: 'ad_campaign_id' },
			{ name: 'Creative ID', value: 'creative_id' },
			{ name: 'IP', value: 'ip' },
			{ name: 'Keyword', value: 'keyword' },
			{ name: 'Source', value: 'source' },
			...Array.from({ length: 10 }, (_, n) => ({ name: `Sub ID ${n + 1}`, value: `sub_id_${n + 1}` })),
		],
		description: 'Which click value the labels mark',
	},
	{
		displayName: 'Label',
		name: 'label',
		type: 'options',
		default: 'blacklist',
		options: [
			{ name: 'Blacklist', value: 'blacklist' },
			{ name: 'Whitelist', value: 'whitelist' },
		],
	},
];
