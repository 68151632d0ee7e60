import { getCatalogue } from '../objectOperations';

export const { description, endpoints, execute } = getCatalogue(
	'stream',
	'getTypes',
	'/stream_types',
);
