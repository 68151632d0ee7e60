/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { HttpError } from '../grid';
import type { SimulatorState, User } from '../state';
import { ACCESS_TYPES } from '../state';
import { findById } from './common';
import type { Route } from './types';

/** The objects a user's access is set for (`UserAccessData`). */
const ACCESS_KINDS = [
	'offers',
	'campaigns',
	'landings',
	'traffic_sources',
	'streams',
	'affiliate_networks',
	'domains',
];

function refuse(field: string, message: string): never {
	throw new HttpError(406, { [field]: [message] });
}

/** What Keitaro sends of a user: never the password. */
function view(user: User): Partial<User> {
	const shown: Partial<User> = { ...user };
	delete shown.password;
	return shown;
}

function applyFields(state: SimulatorState, user: User, body: any, creating: boolean): void {
	if (body.login !== undefined || creating) {
		const login = String(body.login ?? '').trim();
		if (!login) refuse('login', 'Login is required');
		if (state.users.some((u) => u.login === login && u.id !== user.id))
			refuse('login', 'Login is already taken');
		user.login = login;
	}
	if (body.type !== undefined || creating) {
		if (body.type !== 'USER' && body.type !== 'ADMIN') refuse('type', 'Type must be USER or ADMIN');
		user.type = body.type;
	}
	if (body.new_password !== undefined || creating) {
		if (!body.new_password) refuse('new_password', 'Password is required');
		if (body.new_password !== body.new_password_confirmation)
			refuse('new_password_confirmation', 'Passwords do not match');
		user.password = String(body.new_password);
	}
	const preferences = body.preferences ?? {};
	if (preferences.language !== undefined) {
		if (!['en', 'ru'].includes(preferences.language))
			refuse('preferences.language', 'Language must be en or ru');
		user.preferences.language = preferences.language;
	}
	if (preferences.timezone !== undefined) user.preferences.timezone = String(preferences.timezone);
}

export const userRoutes: Route[] = [
	{
		method: 'GET',
		path: '/users',
		handle: ({ state }) => state.users.map(view),
	},
	{
		method: 'GET',
		path: '/users/{id}',
		handle: ({ state, params }) => view(findById(state.users, params.id, 'User')),
	},
	{
		method: 'POST',
		path: '/users',
		handle: ({ state, body }) => {
			const user: User = {
				id: Math.max(0, ...state.users.map((u) => u.id)) + 1,
				login: '',
				type: 'USER',
				password: '',
				preferences: { language: 'en', timezone: 'UTC' },
				access_data: {
					...Object.fromEntries(ACCESS_KINDS.map((kind) => [`${kind}_access_type`, 'read_only'])),
					resources: [],
					reports: [],
				},
			};
			applyFields(state, user, body ?? {}, true);
			state.users.push(user);
			return view(user);
		},
	},
	{
		method: 'PUT',
		path: '/users/{id}',
		handle: ({ state, params, body }) => {
			const user = findById(state.users, params.id, 'User');
			applyFields(state, user, body ?? {}, false);
			return view(user);
		},
	},
	{
		method: 'DELETE',
		path: '/users/{id}',
		handle: ({ state, params }) => {
			const user = findById(state.users, params.id, 'User');
			state.users = state.users.filter((u) => u !== user);
			return { success: true };
		},
	},
	{
		method: 'PUT',
		path: '/users/{id}/access',
		handle: ({ state, params, body }) => {
			const user = findById(state.users, params.id, 'User');
			const access = body?.access_data;
			if (typeof access !== 'object' || access === null)
				refuse('access_data', 'access_data is required');
			for (const kind of ACCESS_KINDS) {
				const value = access[`${kind}_access_type`];
				if (value !== undefined && !(ACCESS_TYPES as readonly string[]).includes(value))
					refuse(`access_data.${kind}_access_type`, `Unknown access type "${value}"`);
			}
			for (const list of ['resources', 'reports'])
				if (access[list] !== undefined && !Array.isArray(access[list]))
					refuse(`access_data.${list}`, `${list} must be a list`);
			// Keitaro replaces the access settings with what it is sent
			user.access_data = { resources: [], reports: [], ...access };
			return view(user);
		},
	},
];
