import { HttpError } from '../grid';
import type { Route } from './types';

/** The integration settings the Admin API has: AVScan's key and IMKLO's URL (docs/keitaro.md §2.12). */
function setting(key: 'avscan_key' | 'imklo_api_url', path: string): Route[] {
	return [
		{
			method: 'GET',
			path,
			handle: ({ state }) => ({ [key]: state.integrations[key] }),
		},
		{
			method: 'PUT',
			path,
			// the spec sends the value as a query parameter
			handle: ({ state, query }) => {
				const value = query.get(key);
				if (value === null) throw new HttpError(400, { error: `"${key}" is required` });
				state.integrations[key] = value;
				return { [key]: value };
			},
		},
	];
}

export const integrationRoutes: Route[] = [
	...setting('avscan_key', '/integrations/avscan'),
	...setting('imklo_api_url', '/integrations/imklo'),
];
