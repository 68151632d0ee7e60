/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addLanding } from '../fixtures';
import type { Landing, SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById } from './common';
import { fileRoutes } from './files';
import {
	assign,
	bodyOf,
	checkEnum,
	checkGroup,
	checkName,
	copyName,
	notArchived,
	setState,
	withoutId,
} from './objects';
import type { Route } from './types';

const WRITABLE = ['name', 'landing_type', 'action_type', 'action_payload', 'notes', 'state'];

/** The read model's `offer_count`: offers of the streams that show the landing page. */
function view(state: SimulatorState, landing: Landing) {
	const streams = state.streams.filter((s) => s.landings.some((l) => l.landing_id === landing.id));
	return {
		...landing,
		offer_count: new Set(streams.flatMap((s) => s.offers.map((o) => o.offer_id))).size,
	};
}

function check(state: SimulatorState, body: Record<string, any>, creating: boolean) {
	checkName(body, creating);
	checkEnum(body, 'landing_type', ['local', 'external', 'preloaded', 'action']);
	checkEnum(body, 'action_type', [
		'local_file',
		'http',
		'curl',
		'status404',
		'show_text',
		'show_html',
	]);
	checkEnum(body, 'state', ['active', 'disabled', 'deleted']);
	return checkGroup(state, body, 'landings');
}

function write(state: SimulatorState, landing: Landing, body: Record<string, any>, now: Date) {
	const groupId = check(state, body, false);
	assign(landing, body, WRITABLE);
	// the request's `url` is what the read model shows as action_payload
	if (body.url) landing.action_payload = String(body.url);
	if (groupId !== undefined) landing.group_id = groupId;
	landing.updated_at = keitaroDate(now);
	return view(state, landing);
}

const landing = (state: SimulatorState, id: string) => findById(state.landings, id, 'Landing');

export const landingRoutes: Route[] = [
	{
		method: 'GET',
		path: '/landing_pages',
		handle: ({ state }) => notArchived(state.landings).map((l) => view(state, l)),
	},
	{
		method: 'GET',
		path: '/landing_pages/{id}',
		handle: ({ state, params }) => view(state, landing(state, params.id)),
	},
	{
		method: 'POST',
		path: '/landing_pages',
		handle: ({ state, body, now }) => {
			const fields = bodyOf(body);
			check(state, fields, true);
			const created = addLanding(state, {
				landing_type: 'local',
				action_type: 'local_file',
				action_payload: '',
				created_at: keitaroDate(now),
			});
			return write(state, created, fields, now);
		},
	},
	{
		method: 'PUT',
		path: '/landing_pages/{id}',
		handle: ({ state, params, body, now }) =>
			write(state, landing(state, params.id), bodyOf(body), now),
	},
	{
		method: 'DELETE',
		path: '/landing_pages/{id}',
		handle: ({ state, params, now }) =>
			view(state, setState(landing(state, params.id), 'deleted', now)),
	},
	{
		// the only clone Keitaro does with PUT (api-notes §8.3)
		method: 'PUT',
		path: '/landing_pages/{id}/clone',
		handle: ({ state, params, now }) => {
			const source = landing(state, params.id);
			const copy = addLanding(state, {
				...withoutId(source),
				name: copyName(source.name),
				created_at: keitaroDate(now),
				updated_at: keitaroDate(now),
			});
			const files = state.files.get(`/landing_pages/${source.id}`);
			if (files) state.files.set(`/landing_pages/${copy.id}`, new Map(files));
			return view(state, copy);
		},
	},
	...fileRoutes('/landing_pages', 'Landing'),
];
