import { addDomain } from '../fixtures';
import type { Domain, SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById } from './common';
import { archivedOnly, assign, bodyOf, checkEnum, invalid, notArchived, setState } from './objects';
import type { Route } from './types';

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** The read model: the default campaign's ID (null when none) and how many campaigns use it. */
function view(state: SimulatorState, domain: Domain) {
	const { default_campaign_id, ...read } = domain;
	// is_ssl is write-only
	delete (read as Partial<Domain>).is_ssl;
	return {
		...read,
		default_campaign: default_campaign_id || null,
		campaigns_count: state.campaigns.filter((c) => c.domain_id === domain.id).length,
	};
}

function checkHost(state: SimulatorState, name: string, self?: Domain) {
	if (!HOST.test(name)) invalid({ name: `"${name}" is not a valid domain name` });
	if (state.domains.some((d) => d.name === name.toLowerCase() && d !== self))
		invalid({ name: `Domain "${name}" already exists` });
}

const domain = (state: SimulatorState, id: string) => findById(state.domains, id, 'Domain');

export const domainRoutes: Route[] = [
	{
		method: 'GET',
		path: '/domains',
		handle: ({ state }) => notArchived(state.domains).map((d) => view(state, d)),
	},
	{
		method: 'GET',
		path: '/domains/deleted',
		handle: ({ state }) => archivedOnly(state.domains).map((d) => view(state, d)),
	},
	{
		method: 'GET',
		path: '/domains/{id}',
		handle: ({ state, params }) => view(state, domain(state, params.id)),
	},
	{
		// Keitaro's form takes several domains, one a line; the answer lists them all
		method: 'POST',
		path: '/domains',
		handle: ({ state, body, now }) => {
			const fields = bodyOf(body);
			const names = String(fields.name ?? '')
				.split(/\s+/)
				.filter(Boolean);
			if (!names.length) invalid({ name: 'Name is required' });
			for (const name of names) checkHost(state, name);
			return names.map((name) => {
				const created = addDomain(state, {
					name: name.toLowerCase(),
					network_status: 'validating',
					created_at: keitaroDate(now),
					updated_at: keitaroDate(now),
				});
				assign(created, fields, ['catch_not_found', 'notes', 'ssl_redirect', 'allow_indexing']);
				created.default_campaign_id = Number(fields.default_campaign_id ?? 0);
				return view(state, created);
			});
		},
	},
	{
		method: 'PUT',
		path: '/domains/{id}',
		handle: ({ state, params, body, now }) => {
			const found = domain(state, params.id);
			const fields = bodyOf(body);
			checkEnum(fields, 'state', ['active', 'deleted']);
			if ('name' in fields && fields.name !== found.name) {
				checkHost(state, String(fields.name), found);
				// seen in Keitaro's code (api-notes §2.7)
				if (found.network_status === 'active')
					invalid({ name: 'The name of an active domain cannot be changed' });
			}
			assign(found, fields, ['name', 'is_ssl', 'state', 'catch_not_found', 'notes']);
			if ('default_campaign_id' in fields)
				found.default_campaign_id = Number(fields.default_campaign_id || 0);
			found.updated_at = keitaroDate(now);
			return view(state, found);
		},
	},
	{
		method: 'DELETE',
		path: '/domains/{id}',
		handle: ({ state, params, now }) =>
			view(state, setState(domain(state, params.id), 'deleted', now)),
	},
	{
		method: 'POST',
		path: '/domains/{id}/check',
		handle: ({ state, params, now }) => {
			const found = domain(state, params.id);
			// the simulator's DNS: .invalid names never resolve (RFC 2606)
			found.network_status = found.name.endsWith('.invalid') ? 'error' : 'active';
			found.updated_at = keitaroDate(now);
			return view(state, found);
		},
	},
	{
		method: 'POST',
		path: '/domains/{id}/restore',
		handle: ({ state, params, now }) =>
			view(state, setState(domain(state, params.id), 'active', now)),
	},
];
