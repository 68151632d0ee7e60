import { CAMPAIGN } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

export const { description, endpoints, execute } = objectAction(CAMPAIGN, {
	operation: 'enable',
	method: 'POST',
	suffix: '/enable',
});
