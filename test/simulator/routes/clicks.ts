import { runGrid } from '../grid';
import { clickGrid } from '../model';
import type { Route } from './types';

export const clickRoutes: Route[] = [
	{
		method: 'POST',
		path: '/clicks/log',
		handle: ({ state, body, now }) => runGrid(state.clicks, clickGrid(state), body, now),
	},
];
