import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteUser from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as updateAccess from './updateAccess.operation';

export { create, deleteUser as delete, get, getMany, update, updateAccess };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a Keitaro user with a login, password and type',
				action: 'Create a user',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a user for good',
				action: 'Delete a user',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a user by ID',
				action: 'Get a user',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the tracker’s users',
				action: 'Get many users',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change a user’s login, password, type, language or time zone',
				action: 'Update a user',
			},
			{
				name: 'Update Access',
				value: 'updateAccess',
				description: 'Set what a user may do with campaigns, offers, flows, reports…',
				action: 'Update the access of a user',
			},
		],
		default: 'getMany',
	},
	...create.description,
	...deleteUser.description,
	...get.description,
	...getMany.description,
	...update.description,
	...updateAccess.description,
];
