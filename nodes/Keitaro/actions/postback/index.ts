import type { INodeProperties } from 'n8n-workflow';

import * as getReceived from './getReceived.operation';
import * as send from './send.operation';

export { getReceived, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['postback'] } },
		options: [
			{
				name: 'Get Received Postbacks',
				value: 'getReceived',
				description:
					'Read Keitaro’s received-postbacks log: what each postback did, or why it was ignored',
				action: 'Get received postbacks',
			},
			{
				name: 'Send Conversion Postback',
				value: 'send',
				description:
					'Send Keitaro a postback as an affiliate network would, with every postback parameter',
				action: 'Send a conversion postback',
			},
		],
		default: 'send',
	},
	...getReceived.description,
	...send.description,
];
