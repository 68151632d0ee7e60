import type { IDataObject } from 'n8n-workflow';

import { streamCampaignLocator, streamFields } from '../../descriptions/streamFields';
import { STREAM } from '../../helpers/objects';
import type { RowChange, StreamList } from '../../helpers/streams';
import { changeStream, mergeRows, STREAM_CHANGE_ENDPOINTS } from '../../helpers/streams';
import { updateObject } from '../objectOperations';

const LISTS: StreamList[] = ['offers', 'landings', 'filters'];

/**
 * Changes only the fields the user set. Offers, landing pages and filters are merged into the
 * stream's current rows, because Keitaro replaces such a list whole with what a PUT sends.
 */
export const { description, endpoints, execute } = updateObject(STREAM, {
	fields: streamFields,
	before: [streamCampaignLocator],
	write: {
		endpoints: STREAM_CHANGE_ENDPOINTS,
		async send(id, changes) {
			return await changeStream.call(this, id, (stream) => {
				const body: IDataObject = { ...changes };
				for (const list of LISTS) {
					if (changes[list])
						body[list] = mergeRows(list, stream[list], changes[list] as RowChange[]);
				}
				return body;
			});
		},
	},
});
