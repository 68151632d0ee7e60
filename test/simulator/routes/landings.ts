/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addLanding } from '../fixtures';
import type { Landing, SimulatorState } from '../state';
import { fileRoutes } from './files';
import { assign, checkEnum, checkGroup, checkName, copyFields, objectRoutes } from './objects';
import type { Route } from './types';

const WRITABLE = ['name', 'landing_type', 'action_type', 'action_payload', 'notes', 'state'];

/** The read model's `offer_count`: offers of the streams that show the landing page. */
function view(state: SimulatorState, landing: Landing) {
	const streams = state.streams.filter((s) => s.landings.some((l) => l.landing_id === landing.id));
	const offers = new Set(streams.flatMap((s) => s.offers.map((o) => o.offer_id)));
	return { ...landing, offer_count: offers.size };
}

function write(
	state: SimulatorState,
	landing: Landing,
	body: Record<string, any>,
	creating: boolean,
) {
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
	const groupId = checkGroup(state, body, 'landings');
	assign(landing, body, WRITABLE);
	// the request's `url` is what the read model shows as action_payload
	if (body.url) landing.action_payload = String(body.url);
	if (groupId !== undefined) landing.group_id = groupId;
}

export const landingRoutes: Route[] = [
	...objectRoutes<Landing>({
		path: '/landing_pages',
		model: 'Landing',
		items: (state) => state.landings,
		view,
		write,
		add: (state, fields) =>
			addLanding(state, {
				landing_type: 'local',
				action_type: 'local_file',
				action_payload: '',
				...fields,
			}),
		// the only clone Keitaro does with PUT (docs/keitaro.md §8.3)
		clone: {
			method: 'PUT',
			copy(state, source, now) {
				const copy = addLanding(state, copyFields(source, now));
				const files = state.files.get(`/landing_pages/${source.id}`);
				if (files) state.files.set(`/landing_pages/${copy.id}`, new Map(files));
				return copy;
			},
		},
	}),
	...fileRoutes('/landing_pages', 'Landing'),
];
