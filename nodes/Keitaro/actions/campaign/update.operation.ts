import { campaignFields } from '../../descriptions/campaignFields';
import { CAMPAIGN } from '../../helpers/objects';
import { updateObject } from '../objectOperations';

export const { description, endpoints, execute } = updateObject(CAMPAIGN, {
	fields: campaignFields,
});
