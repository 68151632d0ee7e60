import { STREAM } from '../../helpers/objects';
import { resourceDescription } from '../objectOperations';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getActionTypes from './getActionTypes.operation';
import * as getDeleted from './getDeleted.operation';
import * as getEvents from './getEvents.operation';
import * as getMany from './getMany.operation';
import * as getSchemas from './getSchemas.operation';
import * as getTypes from './getTypes.operation';
import * as restore from './restore.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations = {
	archive,
	create,
	disable,
	enable,
	get,
	getActionTypes,
	getDeleted,
	getEvents,
	getMany,
	getSchemas,
	getTypes,
	restore,
	search,
	update,
};

export const description = resourceDescription(STREAM, 'getMany', operations, {
	create: {
		name: 'Create',
		description: 'Add a stream to a campaign, with its filters, offers and landing pages',
		action: 'Create a stream',
	},
	getActionTypes: {
		name: 'Get Action Types',
		description: 'List the actions a stream can take (redirect types, show text…)',
		action: 'Get stream action types',
	},
	getEvents: {
		name: 'Get Events',
		description: 'List what happened to a stream',
		action: 'Get events of a stream',
	},
	getMany: {
		name: 'Get Many',
		description: 'List the streams of a campaign',
		action: 'Get many streams',
	},
	getSchemas: {
		name: 'Get Schemas',
		description: 'List the stream schemas (landing pages and offers, redirect, action)',
		action: 'Get stream schemas',
	},
	getTypes: {
		name: 'Get Types',
		description: 'List the stream types (forced, regular, default)',
		action: 'Get stream types',
	},
	search: {
		name: 'Search',
		description: 'Find streams of all campaigns by text',
		action: 'Search streams',
	},
	update: {
		name: 'Update',
		description: 'Change a stream; offers, landing pages and filters merge into its current ones',
		action: 'Update a stream',
	},
});
