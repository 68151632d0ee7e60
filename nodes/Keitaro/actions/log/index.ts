import type { INodeProperties } from 'n8n-workflow';

import * as clear from './clear.operation';
import * as getEntries from './getEntries.operation';
import * as getTypes from './getTypes.operation';

export { clear, getEntries, getTypes };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['log'] } },
		options: [
			{
				name: 'Clear',
				value: 'clear',
				description: 'Delete every line of one of Keitaro’s logs',
				action: 'Clear a log',
			},
			{
				name: 'Get Entries',
				value: 'getEntries',
				description: 'Read the lines of a log: received or sent postbacks, traffic, system, SSL',
				action: 'Get log entries',
			},
			{
				name: 'Get Types',
				value: 'getTypes',
				description: 'List the logs this tracker keeps',
				action: 'Get log types',
			},
		],
		default: 'getEntries',
	},
	...clear.description,
	...getEntries.description,
	...getTypes.description,
];
