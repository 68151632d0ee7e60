import { resourceDescription } from '../objectOperations';
import * as deleteFilter from './delete.operation';
import * as getMany from './getMany.operation';
import * as getTypes from './getTypes.operation';
import * as upsert from './upsert.operation';

export const operations = { delete: deleteFilter, getMany, getTypes, upsert };

/** Filters of a stream; Keitaro has no filter endpoints of their own (docs/keitaro.md §2.13). */
export const description = resourceDescription(
	{ resource: 'filter', displayName: 'Filter' },
	'getMany',
	operations,
	{
		delete: {
			name: 'Delete',
			description: 'Take a filter off a stream',
			action: 'Delete a filter of a stream',
		},
		getMany: {
			name: 'Get Many',
			description: 'List the filters of a stream',
			action: 'Get many filters of a stream',
		},
		getTypes: {
			name: 'Get Types',
			description: 'List the filter types Keitaro offers (country, device, keyword…)',
			action: 'Get filter types',
		},
		upsert: {
			name: 'Create or Update',
			description: 'Add a filter to a stream, or change the stream’s filter of that type',
			action: 'Create or update a filter of a stream',
		},
	},
);
