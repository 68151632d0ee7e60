import { streamCampaignLocator } from '../../descriptions/streamFields';
import { STREAM } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

export const { description, endpoints, execute } = objectAction(STREAM, {
	operation: 'enable',
	method: 'POST',
	suffix: '/enable',
	before: [streamCampaignLocator],
});
