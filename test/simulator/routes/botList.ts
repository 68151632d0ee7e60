/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { HttpError } from '../grid';
import type { SimulatorState } from '../state';
import type { Route } from './types';

/** The entries of a bot-list request: IPs, ranges and masks separated by newlines or spaces. */
function entries(body: any): string[] {
	if (typeof body?.value !== 'string') throw new HttpError(406, { value: ['value is required'] });
	return body.value.split(/\s+/).filter(Boolean);
}

function add(state: SimulatorState, values: string[]): void {
	for (const value of values) if (!state.botList.includes(value)) state.botList.push(value);
}

/** The bot list, Keitaro's only IP list (docs/keitaro.md §2.10); changes answer the list's size. */
export const botListRoutes: Route[] = [
	{
		method: 'GET',
		path: '/botlist',
		handle: ({ state }) => ({ value: state.botList.join('\n') }),
	},
	{
		method: 'PUT',
		path: '/botlist',
		handle: ({ state, body }) => {
			const values = entries(body);
			state.botList = [];
			add(state, values);
			return { count: state.botList.length };
		},
	},
	{
		method: 'POST',
		path: '/botlist/add',
		handle: ({ state, body }) => {
			add(state, entries(body));
			return { count: state.botList.length };
		},
	},
	{
		method: 'POST',
		path: '/botlist/exclude',
		handle: ({ state, body }) => {
			const values = new Set(entries(body));
			state.botList = state.botList.filter((value) => !values.has(value));
			return { count: state.botList.length };
		},
	},
	{
		method: 'DELETE',
		path: '/botlist',
		handle: ({ state }) => {
			state.botList = [];
			return { success: true };
		},
	},
];
