import { findById, page } from './common';
import type { Route } from './types';

export const campaignRoutes: Route[] = [
	{
		method: 'GET',
		path: '/campaigns',
		handle: ({ state, query }) =>
			page(
				state.campaigns.filter((c) => c.state !== 'deleted'),
				query,
			),
	},
	{
		method: 'GET',
		path: '/campaigns/{id}',
		handle: ({ state, params }) => findById(state.campaigns, params.id, 'Campaign'),
	},
];
