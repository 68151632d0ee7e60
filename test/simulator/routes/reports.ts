import { HttpError, runReport } from '../grid';
import { reportGrid } from '../model';
import type { SimulatorState } from '../state';
import { notFound } from './common';
import type { Route } from './types';

/** The click columns a label can mark (the spec's ref_name list). */
const REF_NAMES = [
	'ip',
	'source',
	'ad_campaign_id',
	'creative_id',
	'keyword',
	'ad_campaign_idn',
	...Array.from({ length: 10 }, (_, n) => `sub_id_${n + 1}`),
];
const LABELS = ['whitelist', 'blacklist'];

function required(value: unknown, name: string): string {
	if (value === undefined || value === null || String(value) === '')
		throw new HttpError(400, { error: `"${name}" is required` });
	return String(value);
}

function campaignOf(state: SimulatorState, value: unknown): number {
	const id = Number(required(value, 'campaign_id'));
	if (!state.campaigns.some((c) => c.id === id)) notFound('Campaign', String(value));
	return id;
}

function refName(value: unknown): string {
	const name = required(value, 'ref_name');
	if (!REF_NAMES.includes(name))
		throw new HttpError(400, {
			error: `Unknown ref_name "${name}". Available: ${REF_NAMES.join(', ')}`,
		});
	return name;
}

export const reportRoutes: Route[] = [
	{
		method: 'POST',
		path: '/report/build',
		handle: ({ state, body, now }) =>
			runReport(state.clicks, reportGrid(state), body, now, state.reportDialect),
	},
	{
		method: 'GET',
		path: '/report/labels',
		handle: ({ state, query }) => {
			const campaignId = campaignOf(state, query.get('campaign_id'));
			const ref = refName(query.get('ref_name'));
			const label = required(query.get('label_name'), 'label_name');
			return Object.fromEntries(
				state.labels
					.filter((l) => l.campaign_id === campaignId && l.ref_name === ref && l.label === label)
					.map((l) => [l.value, l.label]),
			);
		},
	},
	{
		method: 'POST',
		path: '/report/labels',
		handle: ({ state, body }) => {
			const campaignId = campaignOf(state, body?.campaign_id);
			const ref = refName(body.ref_name);
			const items = body.items;
			if (typeof items !== 'object' || items === null || Array.isArray(items))
				throw new HttpError(400, { error: '"items" must be an object: {"<value>": "<label>"}' });
			for (const [value, label] of Object.entries(items)) {
				if (!LABELS.includes(String(label)))
					throw new HttpError(406, { items: [`Unknown label "${String(label)}"`] });
				state.labels = state.labels.filter(
					(l) => !(l.campaign_id === campaignId && l.ref_name === ref && l.value === value),
				);
				state.labels.push({ campaign_id: campaignId, ref_name: ref, value, label: String(label) });
			}
			return { success: true };
		},
	},
];
