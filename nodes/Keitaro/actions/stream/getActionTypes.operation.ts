import { getCatalogue } from '../objectOperations';

/** Keitaro's path is /streams_actions (docs/keitaro.md §8.4), unlike the other stream catalogues. */
export const { description, endpoints, execute } = getCatalogue(
	'stream',
	'getActionTypes',
	'/streams_actions',
);
