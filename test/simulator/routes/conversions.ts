import { runGrid } from '../grid';
import { conversionGrid } from '../model';
import type { Route } from './types';

export const conversionRoutes: Route[] = [
	{
		method: 'POST',
		path: '/conversions/log',
		handle: ({ state, body, now }) => runGrid(state.conversions, conversionGrid(state), body, now),
	},
];
