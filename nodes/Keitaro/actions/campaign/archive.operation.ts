import { CAMPAIGN } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** Keitaro's "delete" moves a campaign to the archive; Restore brings it back (docs/keitaro.md §8.2). */
export const { description, endpoints, execute } = objectAction(CAMPAIGN, {
	operation: 'archive',
	method: 'DELETE',
});
