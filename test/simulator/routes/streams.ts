/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addStream } from '../fixtures';
import { HttpError } from '../grid';
import type { SimulatorState, Stream, StreamShare } from '../state';
import { keitaroDate, nextId } from '../state';
import { findById } from './common';
import {
	assign,
	checkEnum,
	checkName,
	invalid,
	notArchived,
	objectRoutes,
	withoutId,
} from './objects';
import type { Route } from './types';

/** Keitaro's catalogues of stream types, schemas and actions (`StreamAction`: key, name, field, type, description). */
const entry = (key: string, name: string, field: string, type: string, description: string) => ({
	key,
	name,
	field,
	type,
	description,
});

export const STREAM_TYPES = [
	entry('forced', 'Forced', '', 'type', 'Checked before the regular streams'),
	entry('regular', 'Regular', '', 'type', 'Checked in order of position'),
	entry('default', 'Default', '', 'type', 'Takes the visitors no other stream took'),
];

export const STREAM_SCHEMAS = [
	entry('landings', 'Landing pages and offers', '', 'schema', 'Landing pages, then offers'),
	entry('redirect', 'Redirect', 'url', 'schema', 'Redirect to a URL or to offers'),
	entry('action', 'Action', 'text', 'schema', 'Show text or HTML, or do nothing'),
];

export const STREAM_ACTIONS = [
	entry('http', 'HTTP redirect', 'url', 'redirect', '302 redirect'),
	entry('meta', 'Meta refresh', 'url', 'redirect', 'Redirect with a meta tag'),
	entry('js', 'JavaScript redirect', 'url', 'redirect', 'Redirect with JavaScript'),
	entry('curl', 'CURL', 'url', 'redirect', 'Load the page on the tracker and show it'),
	entry(
		'campaign',
		'Send to campaign',
		'campaign',
		'other',
		'Pass the visitor to another campaign',
	),
	entry('show_text', 'Show text', 'text', 'content', 'Answer with plain text'),
	entry('show_html', 'Show HTML', 'text', 'content', 'Answer with HTML'),
	entry('status404', '404 Not Found', '', 'other', 'Answer 404'),
	entry('do_nothing', 'Do nothing', '', 'other', 'Answer an empty page'),
	entry('local_file', 'Local file', '', 'content', 'Serve an uploaded landing page or offer'),
];

const filterType = (value: string, tooltip: string, group: string, defaults = '') => ({
	value,
	tooltip,
	modes: { accept: 'Accept', reject: 'Reject' },
	group,
	template: '',
	header_template: '',
	defaults,
});

/** `GET /stream_filters`: the filter types a stream may use. */
export const STREAM_FILTERS = [
	filterType('country', 'Country (ISO codes)', 'geo'),
	filterType('region', 'Region', 'geo'),
	filterType('city', 'City', 'geo'),
	filterType('language', 'Browser language', 'device'),
	filterType('device_type', 'Device type', 'device', 'mobile'),
	filterType('os', 'Operating system', 'device'),
	filterType('browser', 'Browser', 'device'),
	filterType('ip', 'IP addresses and ranges', 'network'),
	filterType('isp', 'Internet provider', 'network'),
	filterType('keyword', 'Keyword', 'source'),
	filterType('referrer', 'Referrer', 'source'),
	filterType('source', 'Source', 'source'),
	filterType('bot', 'Bots', 'other', '1'),
	filterType('uniqueness', 'Unique visitors', 'other', 'stream'),
];

const WRITABLE = [
	'name',
	'type',
	'schema',
	'position',
	'weight',
	'action_type',
	'action_payload',
	'action_options',
	'comments',
	'collect_clicks',
	'filter_or',
	'state',
];

function checkStream(state: SimulatorState, body: Record<string, any>, creating: boolean) {
	if (creating) {
		const missing = ['campaign_id', 'schema', 'type', 'action_type'].filter(
			(field) => body[field] === undefined || body[field] === '',
		);
		if (missing.length)
			invalid(Object.fromEntries(missing.map((field) => [field, `${field} is required`])));
		if (!state.campaigns.some((c) => c.id === Number(body.campaign_id)))
			invalid({ campaign_id: `Campaign #${body.campaign_id} not found` });
	}
	checkName(body, creating);
	checkEnum(body, 'type', ['forced', 'regular', 'default']);
	checkEnum(body, 'schema', ['landings', 'redirect', 'action']);
	checkEnum(body, 'state', ['active', 'disabled', 'deleted']);
	if ('action_type' in body && !STREAM_ACTIONS.some((a) => a.key === body.action_type))
		invalid({ action_type: `Unknown action type "${body.action_type}"` });
	for (const filter of Array.isArray(body.filters) ? body.filters : []) {
		if (!STREAM_FILTERS.some((f) => f.value === filter?.name))
			invalid({ filters: `Unknown filter "${filter?.name}"` });
		if (!['accept', 'reject'].includes(filter.mode))
			invalid({ filters: `Filter "${filter.name}": mode must be accept or reject` });
	}
	for (const list of ['offers', 'landings'] as const) {
		const key = list === 'offers' ? 'offer_id' : 'landing_id';
		for (const row of Array.isArray(body[list]) ? body[list] : []) {
			if (!Number.isInteger(row?.[key]) || !Number.isInteger(row?.share))
				invalid({ [list]: `Each row needs an integer ${key} and share` });
		}
	}
}

/**
 * Keitaro replaces a list it is sent whole (docs/keitaro.md §2.2): rows that are not sent disappear,
 * rows for an offer or landing page the stream had keep their row ID.
 */
function replaceLists(state: SimulatorState, stream: Stream, body: Record<string, any>, now: Date) {
	const at = keitaroDate(now);
	if (Array.isArray(body.filters)) {
		stream.filters = body.filters.map((f: any) => ({
			id: stream.filters.find((old) => old.id === f.id)?.id ?? nextId(state, 'row'),
			stream_id: stream.id,
			name: f.name,
			mode: f.mode,
			payload: Array.isArray(f.payload) ? f.payload.map(String) : [String(f.payload ?? '')],
		}));
	}
	for (const list of ['offers', 'landings'] as const) {
		if (!Array.isArray(body[list])) continue;
		const key = list === 'offers' ? 'offer_id' : 'landing_id';
		stream[list] = body[list].map((row: any): StreamShare => {
			const old = stream[list].find((r) => r[key] === row[key]);
			return {
				id: old?.id ?? nextId(state, 'row'),
				stream_id: stream.id,
				[key]: row[key],
				state: row.state ?? 'active',
				share: row.share,
				created_at: old?.created_at ?? at,
				updated_at: at,
			};
		});
	}
}

function apply(state: SimulatorState, stream: Stream, body: Record<string, any>, now: Date) {
	assign(stream, body, WRITABLE);
	replaceLists(state, stream, body, now);
}

/** A stream of another campaign with the same settings and rows (campaign clone). */
export function copyStream(state: SimulatorState, source: Stream, campaignId: number, now: Date) {
	const copy = addStream(state, {
		...withoutId(source),
		campaign_id: campaignId,
		filters: [],
		offers: [],
		landings: [],
	});
	apply(state, copy, structuredClone(source), now);
	return copy;
}

export const streamRoutes: Route[] = [
	{
		method: 'GET',
		path: '/streams/search',
		handle: ({ state, query }) => {
			const text = (query.get('query') ?? '').trim().toLowerCase();
			if (!text) throw new HttpError(400, { error: '"query" is required' });
			return notArchived(state.streams).filter(
				(s) => s.name.toLowerCase().includes(text) || s.action_payload.toLowerCase().includes(text),
			);
		},
	},
	...objectRoutes<Stream>({
		path: '/streams',
		model: 'Stream',
		items: (state) => state.streams,
		// there is no GET /streams: streams are listed per campaign (docs/keitaro.md §2.13)
		list: false,
		archiveEndpoints: true,
		enableDisable: true,
		write(state, stream, body, creating, now) {
			checkStream(state, body, creating);
			apply(state, stream, body, now);
		},
		create(state, body, now) {
			checkStream(state, body, true);
			const created = addStream(state, { campaign_id: Number(body.campaign_id) });
			apply(state, created, body, now);
			created.updated_at = keitaroDate(now);
			return created;
		},
	}),
	{
		method: 'GET',
		path: '/streams/{id}/events',
		handle: ({ state, params }) => {
			const { id } = findById(state.streams, params.id, 'Stream');
			return state.streamEvents.filter((e) => e.stream_id === id);
		},
	},
	{ method: 'GET', path: '/stream_types', handle: () => STREAM_TYPES },
	{ method: 'GET', path: '/stream_schemas', handle: () => STREAM_SCHEMAS },
	{ method: 'GET', path: '/streams_actions', handle: () => STREAM_ACTIONS },
	{ method: 'GET', path: '/stream_filters', handle: () => STREAM_FILTERS },
];
