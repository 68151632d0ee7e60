import { AFFILIATE_NETWORK } from '../../helpers/objects';
import { resourceDescription } from '../objectOperations';
import * as archive from './archive.operation';
import * as clone from './clone.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = {
	archive,
	clone,
	create,
	get,
	getMany,
	update,
};

export const description = resourceDescription(AFFILIATE_NETWORK, 'getMany', operations, {
	archive: {
		name: 'Archive',
		description:
			'Move an affiliate network to Keitaro’s archive (Keitaro’s "delete"; the API has no way back)',
		action: 'Archive an affiliate network',
	},
});
