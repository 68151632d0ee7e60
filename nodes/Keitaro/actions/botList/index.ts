import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as clear from './clear.operation';
import * as get from './get.operation';
import * as remove from './remove.operation';
import * as replace from './replace.operation';
import { BOT_LIST_RESOURCES } from './shared';

export { add, clear, get, remove, replace };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: BOT_LIST_RESOURCES } },
		options: [
			{
				name: 'Add IPs',
				value: 'add',
				description: 'Add IPs, networks or ranges to Keitaro’s bot list',
				action: 'Add addresses to the bot list',
			},
			{
				name: 'Clear List',
				value: 'clear',
				description: 'Remove every entry from the bot list',
				action: 'Clear the bot list',
			},
			{
				name: 'Get List',
				value: 'get',
				description: 'Get every entry of the bot list',
				action: 'Get the bot list',
			},
			{
				name: 'Remove IPs',
				value: 'remove',
				description: 'Take IPs, networks or ranges off the bot list',
				action: 'Remove addresses from the bot list',
			},
			{
				name: 'Replace List',
				value: 'replace',
				description: 'Make the bot list exactly the IPs given',
				action: 'Replace the bot list',
			},
		],
		default: 'get',
	},
	...add.description,
	...clear.description,
	...get.description,
	...remove.description,
	...replace.description,
];
