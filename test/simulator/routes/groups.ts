import { HttpError } from '../grid';
import type { Route } from './types';

const GROUP_TYPES = ['campaigns', 'offers', 'landings', 'domains'];

export const groupRoutes: Route[] = [
	{
		method: 'GET',
		path: '/groups',
		handle: ({ state, query }) => {
			const type = query.get('type');
			if (!type || !GROUP_TYPES.includes(type)) {
				throw new HttpError(406, { type: [`Type must be one of: ${GROUP_TYPES.join(', ')}`] });
			}
			return state.groups.filter((g) => g.type === type);
		},
	},
];
