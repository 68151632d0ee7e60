import { streamCampaignLocator } from '../../descriptions/streamFields';
import { STREAM } from '../../helpers/objects';
import { getObject } from '../objectOperations';

export const { description, endpoints, execute } = getObject(STREAM, [streamCampaignLocator]);
