import { objectLocator } from '../../descriptions/locators';
import { CAMPAIGN, STREAM } from '../../helpers/objects';
import { readObjectId } from '../../helpers/objectInput';
import { getObjects } from '../objectOperations';

/** Keitaro lists streams per campaign only (there is no GET /streams). */
export const { description, endpoints, execute } = getObjects(STREAM, {
	operation: 'getMany',
	endpoint: '/campaigns/{id}/streams',
	fields: [objectLocator(CAMPAIGN)],
	request(i) {
		return { path: `/campaigns/${readObjectId.call(this, i, CAMPAIGN)}/streams` };
	},
});
