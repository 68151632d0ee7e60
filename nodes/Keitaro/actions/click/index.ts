import type { INodeProperties } from 'n8n-workflow';

import * as cleanStats from './cleanStats.operation';
import * as getLog from './getLog.operation';
import * as updateCosts from './updateCosts.operation';

export { cleanStats, getLog, updateCosts };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['click'] } },
		options: [
			{
				name: 'Clean Stats',
				value: 'cleanStats',
				description: 'Delete the clicks and conversions of a period, in one campaign or all',
				action: 'Clean click statistics',
			},
			{
				name: 'Get Log',
				value: 'getLog',
				description: 'List clicks from the clicks log, with filters such as the click ID',
				action: 'Get the clicks log',
			},
			{
				name: 'Update Costs',
				value: 'updateCosts',
				description: 'Upload costs for periods of campaigns, many input items in one request',
				action: 'Update click costs',
			},
		],
		default: 'getLog',
	},
	...cleanStats.description,
	...getLog.description,
	...updateCosts.description,
];
