import { groupTypeField } from '../../descriptions/groupFields';
import { GROUP } from '../../helpers/objects';
import { objectAction } from '../objectOperations';

/**
 * Groups have no archive: DELETE /groups/{id}/delete (docs/keitaro.md §8.3) removes the group, and its
 * objects stay, without a group.
 */
export const { description, endpoints, execute } = objectAction(GROUP, {
	operation: 'delete',
	method: 'DELETE',
	suffix: '/delete',
	before: [groupTypeField],
});
