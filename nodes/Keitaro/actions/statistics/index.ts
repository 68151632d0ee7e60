import type { INodeProperties } from 'n8n-workflow';

import * as buildReport from './buildReport.operation';
import * as getLabels from './getLabels.operation';
import * as updateLabels from './updateLabels.operation';

export { buildReport, getLabels, updateLabels };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['statistics'] } },
		options: [
			{
				name: 'Build Report',
				value: 'buildReport',
				description: 'Clicks, conversions, revenue, profit… grouped by the dimensions you choose',
				action: 'Build a report',
			},
			{
				name: 'Get Labels',
				value: 'getLabels',
				description: 'List the values a campaign’s reports mark whitelist or blacklist',
				action: 'Get report labels',
			},
			{
				name: 'Update Labels',
				value: 'updateLabels',
				description: 'Mark values (sources, IPs, sub IDs…) whitelist or blacklist in a campaign',
				action: 'Update report labels',
			},
		],
		default: 'buildReport',
	},
	...buildReport.description,
	...getLabels.description,
	...updateLabels.description,
];
