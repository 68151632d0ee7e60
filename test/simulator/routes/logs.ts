import { HttpError } from '../grid';
import { LOG_TYPES, type LogType } from '../state';
import type { Route } from './types';

function logType(value: string): LogType {
	if (!(LOG_TYPES as readonly string[]).includes(value)) {
		throw new HttpError(400, { error: `Unknown log type "${value}"` });
	}
	return value as LogType;
}

export const logRoutes: Route[] = [
	{
		method: 'GET',
		path: '/logs/{type}',
		handle: ({ state, params, query }) => {
			const type = logType(params.type);
			const limit = query.get('limit');
			if (limit === null || !/^\d+$/.test(limit))
				throw new HttpError(400, { error: '"limit" is required' });
			const search = query.get('query') ?? '';
			const offset = Number(query.get('offset') ?? 0);
			// newest first, like the log pages in the admin panel
			const entries = [...state.logs[type]]
				.reverse()
				.filter((e) => !search || e.message.includes(search));
			return entries.slice(offset, offset + Number(limit));
		},
	},
	{
		method: 'DELETE',
		path: '/logs/{type}',
		handle: ({ state, params }) => {
			state.logs[logType(params.type)] = [];
			return { success: true };
		},
	},
	{
		method: 'POST',
		path: '/logs/types',
		handle: () => [...LOG_TYPES],
	},
];
