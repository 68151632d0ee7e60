/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { addCampaign } from '../fixtures';
import type { Campaign, SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById } from './common';
import {
	assign,
	bodyOf,
	checkCurrency,
	checkEnum,
	checkGroup,
	checkName,
	copyFields,
	invalid,
	notArchived,
	objectRoutes,
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

/** Keitaro 10+ answers campaign validation with 422 (docs/keitaro.md §1.4). */
function write(
	state: SimulatorState,
	campaign: Campaign,
	body: Record<string, any>,
	creating: boolean,
) {
	checkName(body, creating, 422);
	if (creating || 'alias' in body) {
		const alias = String(body.alias ?? '').trim();
		if (!alias) invalid({ alias: 'Alias is required' }, 422);
		if (state.campaigns.some((c) => c.alias === alias && c !== campaign))
			invalid({ alias: 'Alias has already used' }, 422);
	}
	checkEnum(body, 'type', ['position', 'weight']);
	checkEnum(body, 'cost_type', ['CPC', 'CPUC', 'CPM']);
	checkEnum(body, 'bind_visitors', ['s', 'sl', 'slo', 'null']);
	checkCurrency(body, 'cost_currency');
	const groupId = checkGroup(state, body, 'campaigns');
	assign(campaign, body, WRITABLE);
	if (groupId !== undefined) campaign.group_id = groupId;
}

export const campaignRoutes: Route[] = [
	...objectRoutes<Campaign>({
		path: '/campaigns',
		model: 'Campaign',
		items: (state) => state.campaigns,
		view,
		list: 'paged',
		archiveEndpoints: true,
		enableDisable: true,
		write,
		add: addCampaign,
		clone: {
			method: 'POST',
			copy(state, source, now) {
				const copy = addCampaign(state, {
					...copyFields(source, now),
					alias: Math.random().toString(36).slice(2, 10),
				});
				for (const stream of notArchived(state.streams).filter((s) => s.campaign_id === source.id))
					copyStream(state, stream, copy.id, now);
				return copy;
			},
		},
	}),
	{
		method: 'GET',
		path: '/campaigns/{id}/streams',
		handle: ({ state, params }) => {
			const { id } = findById(state.campaigns, params.id, 'Campaign');
			return notArchived(state.streams).filter((s) => s.campaign_id === id);
		},
	},
	{
		method: 'POST',
		path: '/campaigns/{id}/update_costs',
		handle: ({ state, params, body, now }) => {
			const { id } = findById(state.campaigns, params.id, 'Campaign');
			const request = bodyOf(body);
			const missing = ['start_date', 'end_date', 'timezone', 'cost', 'currency'].filter(
				(field) => String(request[field] ?? '').trim() === '',
			);
			if (missing.length)
				invalid(Object.fromEntries(missing.map((field) => [field, `${field} is required`])));
			checkCurrency(request, 'currency');
			// Keitaro queues a job that spreads the cost over the period's clicks (docs/keitaro.md §2.1)
			state.costJobs.push({ campaign_id: id, request, queued_at: keitaroDate(now) });
			return { success: true };
		},
	},
];
