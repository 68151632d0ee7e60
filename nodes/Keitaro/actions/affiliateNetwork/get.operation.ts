import { AFFILIATE_NETWORK } from '../../helpers/objects';
import { getObject } from '../objectOperations';

export const { description, endpoints, execute } = getObject(AFFILIATE_NETWORK);
