import { streamCampaignLocator } from '../../descriptions/streamFields';
import { STREAM } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

export const { description, endpoints, execute } = objectAction(STREAM, {
	operation: 'disable',
	method: 'POST',
	suffix: '/disable',
	before: [streamCampaignLocator],
});
