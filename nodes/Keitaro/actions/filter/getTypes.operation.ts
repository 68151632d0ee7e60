import { getCatalogue } from '../objectOperations';

/** Keitaro's catalogue of stream filters: each type's name, modes and default values. */
export const { description, endpoints, execute } = getCatalogue(
	'filter',
	'getTypes',
	'/stream_filters',
);
