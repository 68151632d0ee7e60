import { streamCampaignLocator } from '../../descriptions/streamFields';
import { STREAM } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** Keitaro's "delete" of a stream moves it to the archive; Restore brings it back. */
export const { description, endpoints, execute } = objectAction(STREAM, {
	operation: 'archive',
	method: 'DELETE',
	before: [streamCampaignLocator],
});
