import { objectLocator } from '../../descriptions/locators';
import { streamFields } from '../../descriptions/streamFields';
import { readObjectId } from '../../helpers/objectInput';
import { CAMPAIGN, STREAM } from '../../helpers/objects';
import { createObject } from '../objectOperations';

export const { description, endpoints, execute } = createObject(STREAM, {
	before: [objectLocator(CAMPAIGN)],
	fields: streamFields,
	complete(i, body) {
		return {
			campaign_id: readObjectId.call(this, i, CAMPAIGN),
			// Keitaro's default is off, and a stream that collects no clicks is rarely wanted (docs/keitaro.md §8.7)
			collect_clicks: true,
			...body,
		};
	},
});
