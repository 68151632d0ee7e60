import { addGroup } from '../fixtures';
import { HttpError } from '../grid';
import type { Group, SimulatorState } from '../state';
import { findById } from './common';
import { bodyOf, checkName, invalid } from './objects';
import type { Route } from './types';

const GROUP_TYPES = ['campaigns', 'offers', 'landings', 'domains'];

function checkUnique(state: SimulatorState, name: string, type: string, self?: Group) {
	if (state.groups.some((g) => g.type === type && g.name === name && g !== self))
		invalid({ name: `A group of ${type} named "${name}" already exists` });
}

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
	{
		method: 'POST',
		path: '/groups',
		handle: ({ state, body }) => {
			const fields = bodyOf(body);
			checkName(fields, true);
			if (!GROUP_TYPES.includes(fields.type))
				invalid({ type: `Type must be one of: ${GROUP_TYPES.join(', ')}` });
			checkUnique(state, String(fields.name), fields.type);
			return addGroup(state, {
				name: String(fields.name),
				type: fields.type,
				position: Number(fields.position ?? 0),
			});
		},
	},
	{
		method: 'PUT',
		path: '/groups/{id}',
		handle: ({ state, params, body }) => {
			const group = findById(state.groups, params.id, 'Group');
			const fields = bodyOf(body);
			checkName(fields, false);
			if ('name' in fields) {
				checkUnique(state, String(fields.name), group.type, group);
				group.name = String(fields.name);
			}
			return group;
		},
	},
	{
		// groups have no archive (docs/keitaro.md §8.3: note the /delete)
		method: 'DELETE',
		path: '/groups/{id}/delete',
		handle: ({ state, params }) => {
			const group = findById(state.groups, params.id, 'Group');
			state.groups.splice(state.groups.indexOf(group), 1);
			const members: Array<{ group_id: number }> =
				group.type === 'campaigns'
					? state.campaigns
					: group.type === 'offers'
						? state.offers
						: group.type === 'landings'
							? state.landings
							: [];
			for (const member of members) if (member.group_id === group.id) member.group_id = 0;
			return group;
		},
	},
];
