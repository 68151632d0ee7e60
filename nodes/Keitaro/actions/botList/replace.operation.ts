import { ipListChange } from './shared';

/** PUT /botlist: the list becomes exactly these IPs (to empty it, use Clear List). */
export const { description, endpoints, execute } = ipListChange(
	'replace',
	{ method: 'PUT', path: '/botlist' },
	'The whole new list: one IP, network or range per line. Every entry not here is removed.',
);
