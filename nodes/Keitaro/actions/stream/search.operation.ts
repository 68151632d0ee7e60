import { operationError } from '../../helpers/errors';
import { STREAM } from '../../helpers/objects';
import { getObjects } from '../objectOperations';

/** Keitaro's search over the streams of all campaigns. */
export const { description, endpoints, execute } = getObjects(STREAM, {
	operation: 'search',
	endpoint: '/streams/search',
	fields: [
		{
			displayName: 'Search Text',
			name: 'query',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'AU mobile',
			description: 'What to look for in the streams (Keitaro matches names and payloads)',
		},
	],
	request(i) {
		const query = String(this.getNodeParameter('query', i, '') ?? '').trim();
		if (!query) {
			throw operationError(
				this.getNode(),
				i,
				'INVALID_INPUT',
				'Search Text is empty',
				'Keitaro needs something to search for; to list a campaign’s streams use Get Many.',
			);
		}
		return { path: '/streams/search', qs: { query } };
	},
});
