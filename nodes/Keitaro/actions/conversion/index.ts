import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as findByClick from './findByClick.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, findByClick, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversion'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a missing or offline conversion through Keitaro’s postback URL',
				action: 'Create a conversion',
			},
			{
				name: 'Find by Click',
				value: 'findByClick',
				description: 'Every conversion of a click, newest first, for many clicks at once',
				action: 'Find conversions by click',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get one conversion by its ID, or by click and transaction ID',
				action: 'Get a conversion',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List conversions from the conversions log',
				action: 'Get many conversions',
			},
			{
				name: 'Update',
				value: 'update',
				description:
					'Change status or revenue of a conversion (lead to sale, refunds, payout fixes)',
				action: 'Update a conversion',
			},
		],
		default: 'update',
	},
	...create.description,
	...findByClick.description,
	...get.description,
	...getMany.description,
	...update.description,
];
