import { offerFields } from '../../descriptions/offerFields';
import { OFFER } from '../../helpers/objects';
import { createObject } from '../objectOperations';

export const { description, endpoints, execute } = createObject(OFFER, { fields: offerFields });
