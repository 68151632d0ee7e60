import { ipListChange } from './shared';

export const { description, endpoints, execute } = ipListChange(
	'add',
	{ method: 'POST', path: '/botlist/add' },
	'IPs, networks or ranges to add: one per line. Keitaro treats their clicks as bots.',
);
