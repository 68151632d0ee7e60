import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['settings'] } },
		options: [
			{
				name: 'Get Integration Setting',
				value: 'get',
				description: 'Get the AVScan key or the IMKLO API URL',
				action: 'Get an integration setting',
			},
			{
				name: 'Update Integration Setting',
				value: 'update',
				description: 'Set the AVScan key or the IMKLO API URL',
				action: 'Update an integration setting',
			},
		],
		default: 'get',
	},
	...get.description,
	...update.description,
];
