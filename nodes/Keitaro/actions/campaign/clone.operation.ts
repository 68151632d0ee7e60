import { CAMPAIGN } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/** A copy of the campaign with its streams; Keitaro gives it a new alias. */
export const { description, endpoints, execute } = objectAction(CAMPAIGN, {
	operation: 'clone',
	method: 'POST',
	suffix: '/clone',
});
