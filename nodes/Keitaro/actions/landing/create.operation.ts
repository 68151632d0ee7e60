import { landingFields } from '../../descriptions/landingFields';
import { LANDING } from '../../helpers/objects';
import { createObject } from '../objectOperations';

export const { description, endpoints, execute } = createObject(LANDING, { fields: landingFields });
