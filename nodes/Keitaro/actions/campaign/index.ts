import { CAMPAIGN } from '../../helpers/objects';
import { resourceDescription } from '../objectOperations';
import * as archive from './archive.operation';
import * as clone from './clone.operation';
import * as create from './create.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getDeleted from './getDeleted.operation';
import * as getMany from './getMany.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';
import * as updateCosts from './updateCosts.operation';

export const operations = {
	archive,
	clone,
	create,
	disable,
	enable,
	get,
	getDeleted,
	getMany,
	restore,
	update,
	updateCosts,
};

export const description = resourceDescription(CAMPAIGN, 'getMany', operations, {
	clone: {
		name: 'Clone',
		description: 'Copy a campaign with its streams',
		action: 'Clone a campaign',
	},
	create: {
		name: 'Create',
		description: 'Create a campaign; an empty alias gets a random one',
		action: 'Create a campaign',
	},
	updateCosts: {
		name: 'Update Costs',
		description: 'Set the cost of a campaign’s clicks in a period (Keitaro runs it as a job)',
		action: 'Update costs of a campaign',
	},
});
