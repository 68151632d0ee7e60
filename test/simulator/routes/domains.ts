import { addDomain } from '../fixtures';
import type { Domain, SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById } from './common';
import { assign, checkEnum, invalid, objectRoutes } from './objects';
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

export const domainRoutes: Route[] = [
	...objectRoutes<Domain>({
		path: '/domains',
		model: 'Domain',
		items: (state) => state.domains,
		view,
		archiveEndpoints: true,
		write(state, domain, body) {
			checkEnum(body, 'state', ['active', 'deleted']);
			if ('name' in body && body.name !== domain.name) {
				checkHost(state, String(body.name), domain);
				// seen in Keitaro's code (docs/keitaro.md §2.7)
				if (domain.network_status === 'active')
					invalid({ name: 'The name of an active domain cannot be changed' });
			}
			assign(domain, body, ['name', 'is_ssl', 'state', 'catch_not_found', 'notes']);
			if ('default_campaign_id' in body)
				domain.default_campaign_id = Number(body.default_campaign_id || 0);
		},
		// Keitaro's form takes several domains, one a line; the answer lists them all
		create(state, body, now) {
			const names = String(body.name ?? '')
				.split(/\s+/)
				.filter(Boolean);
			if (!names.length) invalid({ name: 'Name is required' });
			for (const name of names) checkHost(state, name);
			return names.map((name) => {
				const created = addDomain(state, {
					name: name.toLowerCase(),
					network_status: 'validating',
					default_campaign_id: Number(body.default_campaign_id ?? 0),
					created_at: keitaroDate(now),
					updated_at: keitaroDate(now),
				});
				assign(created, body, ['catch_not_found', 'notes', 'ssl_redirect', 'allow_indexing']);
				return view(state, created);
			});
		},
	}),
	{
		method: 'POST',
		path: '/domains/{id}/check',
		handle: ({ state, params, now }) => {
			const found = findById(state.domains, params.id, 'Domain');
			// the simulator's DNS: .invalid names never resolve (RFC 2606)
			found.network_status = found.name.endsWith('.invalid') ? 'error' : 'active';
			found.updated_at = keitaroDate(now);
			return view(state, found);
		},
	},
];
