import { userById } from './byId';

export const { description, endpoints, execute } = userById('get');
