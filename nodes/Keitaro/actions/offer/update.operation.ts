import { offerFields } from '../../descriptions/offerFields';
import { OFFER } from '../../helpers/objects';
import { updateObject } from '../objectOperations';

export const { description, endpoints, execute } = updateObject(OFFER, { fields: offerFields });
