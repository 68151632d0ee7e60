import { getCatalogue } from '../objectOperations';

export const { description, endpoints, execute } = getCatalogue(
	'stream',
	'getSchemas',
	'/stream_schemas',
);
