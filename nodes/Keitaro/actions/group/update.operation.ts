import { groupFields, groupTypeField } from '../../descriptions/groupFields';
import { GROUP } from '../../helpers/objects';
import { updateObject } from '../objectOperations';

/** The group type only fills the Group list; Keitaro keeps a group's type. */
export const { description, endpoints, execute } = updateObject(GROUP, {
	fields: groupFields,
	before: [groupTypeField],
});
