import { addTrafficSource } from '../fixtures';
import type { TrafficSource } from '../state';
import {
	assign,
	checkEnum,
	checkName,
	checkUrl,
	copyFields,
	invalid,
	objectRoutes,
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

const STATUSES = ['lead', 'sale', 'rejected', 'rebill'];

export const trafficSourceRoutes: Route[] = objectRoutes<TrafficSource>({
	path: '/traffic_sources',
	model: 'TrafficSource',
	items: (state) => state.trafficSources,
	write(_state, source, body, creating) {
		checkName(body, creating);
		checkUrl(body, 'postback_url');
		checkEnum(body, 'state', ['active', 'deleted']);
		const statuses = body.postback_statuses;
		if (
			statuses !== undefined &&
			(!Array.isArray(statuses) || statuses.some((s: unknown) => !STATUSES.includes(String(s))))
		)
			invalid({ postback_statuses: `Statuses must be among ${STATUSES.join(', ')}` });
		assign(source, body, WRITABLE);
	},
	add: addTrafficSource,
	// the spec documents a bare "Success" for this DELETE
	archive: { answer: () => ({ success: true }) },
	clone: {
		method: 'POST',
		copy: (state, source, now) => addTrafficSource(state, copyFields(source, now)),
	},
});
