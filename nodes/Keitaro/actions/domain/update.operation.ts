import { domainFields } from '../../descriptions/domainFields';
import { DOMAIN } from '../../helpers/objects';
import { updateObject } from '../objectOperations';

export const { description, endpoints, execute } = updateObject(DOMAIN, { fields: domainFields });
