import { DOMAIN } from '../../helpers/objects';
import { resourceDescription } from '../objectOperations';
import * as archive from './archive.operation';
import * as checkStatus from './checkStatus.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getDeleted from './getDeleted.operation';
import * as getMany from './getMany.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

export const operations = {
	archive,
	checkStatus,
	create,
	get,
	getDeleted,
	getMany,
	restore,
	update,
};

export const description = resourceDescription(DOMAIN, 'getMany', operations, {
	checkStatus: {
		name: 'Check Status',
		description: 'Check the domain’s DNS and certificate again',
		action: 'Check the status of a domain',
	},
	create: {
		name: 'Create',
		description: 'Add a domain to the tracker; its DNS must point to the tracker',
		action: 'Create a domain',
	},
});
