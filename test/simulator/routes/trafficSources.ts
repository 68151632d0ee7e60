/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addTrafficSource } from '../fixtures';
import type { SimulatorState, TrafficSource } from '../state';
import { keitaroDate } from '../state';
import { findById } from './common';
import {
	assign,
	bodyOf,
	checkEnum,
	checkName,
	checkUrl,
	copyName,
	invalid,
	notArchived,
	setState,
	withoutId,
} from './objects';
import type { Route } from './types';

const WRITABLE = [
	'name',
	'postback_url',
	'postback_statuses',
	'template_name',
	'accept_parameters',
	'parameters',
	'notes',
	'state',
	'traffic_loss',
];

function write(state: SimulatorState, source: TrafficSource, body: Record<string, any>, now: Date) {
	check(body, false);
	assign(source, body, WRITABLE);
	source.updated_at = keitaroDate(now);
	return source;
}

function check(body: Record<string, any>, creating: boolean) {
	checkName(body, creating);
	checkUrl(body, 'postback_url');
	checkEnum(body, 'state', ['active', 'deleted']);
	const statuses = body.postback_statuses;
	if (
		statuses !== undefined &&
		(!Array.isArray(statuses) ||
			statuses.some((s: unknown) => !['lead', 'sale', 'rejected', 'rebill'].includes(String(s))))
	)
		invalid({ postback_statuses: 'Statuses must be lead, sale, rejected or rebill' });
}

const source = (state: SimulatorState, id: string) =>
	findById(state.trafficSources, id, 'TrafficSource');

export const trafficSourceRoutes: Route[] = [
	{
		method: 'GET',
		path: '/traffic_sources',
		handle: ({ state }) => notArchived(state.trafficSources),
	},
	{
		method: 'GET',
		path: '/traffic_sources/{id}',
		handle: ({ state, params }) => source(state, params.id),
	},
	{
		method: 'POST',
		path: '/traffic_sources',
		handle: ({ state, body, now }) => {
			const fields = bodyOf(body);
			check(fields, true);
			return write(state, addTrafficSource(state, { created_at: keitaroDate(now) }), fields, now);
		},
	},
	{
		method: 'PUT',
		path: '/traffic_sources/{id}',
		handle: ({ state, params, body, now }) =>
			write(state, source(state, params.id), bodyOf(body), now),
	},
	{
		method: 'DELETE',
		path: '/traffic_sources/{id}',
		handle: ({ state, params, now }) => {
			setState(source(state, params.id), 'deleted', now);
			// the spec documents a bare "Success" for this one
			return { success: true };
		},
	},
	{
		method: 'POST',
		path: '/traffic_sources/{id}/clone',
		handle: ({ state, params, now }) => {
			const original = source(state, params.id);
			return addTrafficSource(state, {
				...withoutId(structuredClone(original)),
				name: copyName(original.name),
				created_at: keitaroDate(now),
				updated_at: keitaroDate(now),
			});
		},
	},
];
