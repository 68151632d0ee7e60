import type { INodeProperties } from 'n8n-workflow';

import { CLICK_ATTRIBUTES, columnOptions } from './columns';

/** The click columns labels can mark (the spec's ref_name: ip, source, …, sub_id_1..10). */
const LABEL_COLUMNS = /^(ad_campaign_id|creative_id|ip|keyword|source|sub_id_([1-9]|10))$/;

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
		options: columnOptions(CLICK_ATTRIBUTES.filter(([value]) => LABEL_COLUMNS.test(value))),
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
