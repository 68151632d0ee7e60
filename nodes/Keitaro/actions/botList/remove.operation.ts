import { ipListChange } from './shared';

export const { description, endpoints, execute } = ipListChange(
	'remove',
	{ method: 'POST', path: '/botlist/exclude' },
	'IPs, networks or ranges to take off the list: one per line',
);
