import { findById } from './common';
import type { Route } from './types';

export const offerRoutes: Route[] = [
	{
		method: 'GET',
		path: '/offers',
		handle: ({ state }) => state.offers.filter((o) => o.state !== 'deleted'),
	},
	{
		method: 'GET',
		path: '/offers/{id}',
		handle: ({ state, params }) => findById(state.offers, params.id, 'Offer'),
	},
];
