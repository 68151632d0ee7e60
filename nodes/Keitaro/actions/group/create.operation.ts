import { groupFields } from '../../descriptions/groupFields';
import { GROUP } from '../../helpers/objects';
import { createObject } from '../objectOperations';

export const { description, endpoints, execute } = createObject(GROUP, { fields: groupFields });
