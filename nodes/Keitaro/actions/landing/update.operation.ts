import { landingFields } from '../../descriptions/landingFields';
import { LANDING } from '../../helpers/objects';
import { updateObject } from '../objectOperations';

export const { description, endpoints, execute } = updateObject(LANDING, { fields: landingFields });
