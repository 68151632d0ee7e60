import { GROUP } from '../../helpers/objects';
import { resourceDescription } from '../objectOperations';
import * as create from './create.operation';
import * as deleteGroup from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteGroup, getMany, update };

export const description = resourceDescription(GROUP, 'getMany', operations, {
	delete: {
		name: 'Delete',
		description: 'Delete a group; its objects stay, without a group',
		action: 'Delete a group',
	},
	getMany: {
		name: 'Get Many',
		description: 'List the groups of one kind (campaigns, offers, landing pages, domains)',
		action: 'Get many groups',
	},
});
