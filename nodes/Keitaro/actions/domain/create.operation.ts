import { domainFields } from '../../descriptions/domainFields';
import { DOMAIN } from '../../helpers/objects';
import { createObject } from '../objectOperations';

/** Keitaro answers the created domains as a list (its form takes several names, one a line). */
export const { description, endpoints, execute } = createObject(DOMAIN, { fields: domainFields });
