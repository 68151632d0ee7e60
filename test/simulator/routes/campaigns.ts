/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addCampaign } from '../fixtures';
import type { Campaign, SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById, page } from './common';
import {
	archivedOnly,
	assign,
	bodyOf,
	checkCurrency,
	checkEnum,
	checkGroup,
	checkName,
	copyName,
	invalid,
	notArchived,
	setState,
	withoutId,
} from './objects';
import { copyStream } from './streams';
import type { Route } from './types';

const WRITABLE = [
	'name',
	'alias',
	'type',
	'cookies_ttl',
	'cost_type',
	'cost_value',
	'cost_currency',
	'cost_auto',
	'bind_visitors',
	'traffic_source_id',
	'parameters',
	'token',
	'postbacks',
	'notes',
	'domain_id',
];

/** The read model: `domain_id` is write-only, the read shows the domain's URL. */
function view(state: SimulatorState, campaign: Campaign) {
	const { domain_id, ...read } = campaign;
	const domain = state.domains.find((d) => d.id === domain_id);
	return { ...read, domain: domain ? `https://${domain.name}/` : '' };
}

/** Keitaro 10+ answers campaign validation with 422 (api-notes §1.4). */
function checkCampaign(state: SimulatorState, body: Record<string, any>, self?: Campaign) {
	checkName(body, !self, 422);
	if (!self || 'alias' in body) {
		const alias = String(body.alias ?? '').trim();
		if (!alias) invalid({ alias: 'Alias is required' }, 422);
		if (state.campaigns.some((c) => c.alias === alias && c !== self))
			invalid({ alias: 'Alias has already used' }, 422);
	}
	checkEnum(body, 'type', ['position', 'weight']);
	checkEnum(body, 'cost_type', ['CPC', 'CPUC', 'CPM']);
	checkEnum(body, 'bind_visitors', ['s', 'sl', 'slo', 'null']);
	checkCurrency(body, 'cost_currency');
	return checkGroup(state, body, 'campaigns');
}

function write(state: SimulatorState, campaign: Campaign, body: Record<string, any>, now: Date) {
	const groupId = checkCampaign(state, body, campaign);
	assign(campaign, body, WRITABLE);
	if (groupId !== undefined) campaign.group_id = groupId;
	campaign.updated_at = keitaroDate(now);
	return view(state, campaign);
}

const campaign = (state: SimulatorState, id: string) => findById(state.campaigns, id, 'Campaign');

export const campaignRoutes: Route[] = [
	{
		method: 'GET',
		path: '/campaigns',
		handle: ({ state, query }) =>
			page(notArchived(state.campaigns), query).map((c) => view(state, c)),
	},
	{
		method: 'GET',
		path: '/campaigns/deleted',
		handle: ({ state }) => archivedOnly(state.campaigns).map((c) => view(state, c)),
	},
	{
		method: 'GET',
		path: '/campaigns/{id}',
		handle: ({ state, params }) => view(state, campaign(state, params.id)),
	},
	{
		method: 'POST',
		path: '/campaigns',
		handle: ({ state, body, now }) => {
			const fields = bodyOf(body);
			const groupId = checkCampaign(state, fields);
			const created = addCampaign(state, { created_at: keitaroDate(now) });
			assign(created, fields, WRITABLE);
			created.group_id = groupId ?? 0;
			created.updated_at = keitaroDate(now);
			return view(state, created);
		},
	},
	{
		method: 'PUT',
		path: '/campaigns/{id}',
		handle: ({ state, params, body, now }) =>
			write(state, campaign(state, params.id), bodyOf(body), now),
	},
	{
		method: 'DELETE',
		path: '/campaigns/{id}',
		handle: ({ state, params, now }) =>
			view(state, setState(campaign(state, params.id), 'deleted', now)),
	},
	{
		method: 'POST',
		path: '/campaigns/{id}/clone',
		handle: ({ state, params, now }) => {
			const source = campaign(state, params.id);
			const copy = addCampaign(state, {
				...withoutId(source),
				name: copyName(source.name),
				alias: Math.random().toString(36).slice(2, 10),
				parameters: { ...source.parameters },
				created_at: keitaroDate(now),
				updated_at: keitaroDate(now),
			});
			for (const stream of notArchived(state.streams).filter((s) => s.campaign_id === source.id))
				copyStream(state, stream, copy.id, now);
			return view(state, copy);
		},
	},
	{
		method: 'POST',
		path: '/campaigns/{id}/disable',
		handle: ({ state, params, now }) =>
			view(state, setState(campaign(state, params.id), 'disabled', now)),
	},
	{
		method: 'POST',
		path: '/campaigns/{id}/enable',
		handle: ({ state, params, now }) =>
			view(state, setState(campaign(state, params.id), 'active', now)),
	},
	{
		method: 'POST',
		path: '/campaigns/{id}/restore',
		handle: ({ state, params, now }) =>
			view(state, setState(campaign(state, params.id), 'active', now)),
	},
	{
		method: 'GET',
		path: '/campaigns/{id}/streams',
		handle: ({ state, params }) => {
			const { id } = campaign(state, params.id);
			return notArchived(state.streams).filter((s) => s.campaign_id === id);
		},
	},
	{
		method: 'POST',
		path: '/campaigns/{id}/update_costs',
		handle: ({ state, params, body, now }) => {
			const { id } = campaign(state, params.id);
			const request = bodyOf(body);
			const missing = ['start_date', 'end_date', 'timezone', 'cost', 'currency'].filter(
				(field) => String(request[field] ?? '').trim() === '',
			);
			if (missing.length)
				invalid(Object.fromEntries(missing.map((field) => [field, `${field} is required`])));
			checkCurrency(request, 'currency');
			// Keitaro queues a job that spreads the cost over the period's clicks (api-notes §2.1)
			state.costJobs.push({ campaign_id: id, request, queued_at: keitaroDate(now) });
			return { success: true };
		},
	},
];
