/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import { HttpError, runGrid, zonedToUtc } from '../grid';
import { clickGrid } from '../model';
import type { Click, SimulatorState } from '../state';
import { RATES_TO_USD } from '../state';
import { notFound } from './common';
import type { Route } from './types';

/** Keys of a cost filter (`FilterCostRequest`): the click's values from the ad platform. */
const COST_FILTER_KEYS = [
	'keyword',
	'external_id',
	'creative_id',
	'ad_campaign_id',
	'source',
	...Array.from({ length: 15 }, (_, n) => `sub_id_${n + 1}`),
];

function refuse(field: string, message: string): never {
	throw new HttpError(406, { [field]: [message] });
}

/** "2026-03-01 10:00" (or a date alone) in `timeZone` → a UTC Keitaro datetime. */
function moment(value: unknown, field: string, timeZone: string, endOfDay: boolean): string {
	if (typeof value !== 'string' || !value.trim()) refuse(field, `${field} is required`);
	return zonedToUtc(value, timeZone, endOfDay);
}

function clickValue(click: Click, key: string): string {
	return key.startsWith('sub_id_')
		? (click.sub_ids[key] ?? '')
		: String((click as unknown as Record<string, unknown>)[key] ?? '');
}

/**
 * POST /clicks/update_costs: each cost entry's amount is spread evenly over the matching clicks
 * of the campaigns in its period (docs/keitaro.md §4.2). Keitaro queues the job; the simulator runs it
 * at once so tests can read the clicks' costs.
 */
function updateCosts(state: SimulatorState, body: any): { success: boolean } {
	const campaignIds: unknown = body?.campaign_ids;
	if (!Array.isArray(campaignIds) || !campaignIds.length)
		refuse('campaign_ids', 'campaign_ids is required');
	for (const id of campaignIds) {
		if (!Number.isInteger(id))
			refuse('campaign_ids', `Campaign ID "${String(id)}" is not a number`);
		if (!state.campaigns.some((c) => c.id === id)) notFound('Campaign', id as number);
	}
	if (!Array.isArray(body.costs) || !body.costs.length) refuse('costs', 'costs is required');
	const jobs = body.costs.map((entry: any, n: number) => {
		const timeZone = String(entry?.timezone ?? body.timezone ?? 'UTC');
		const currency = String(entry?.currency ?? body.currency ?? '').toUpperCase();
		if (!RATES_TO_USD[currency]) refuse(`costs.${n}.currency`, `Unknown currency "${currency}"`);
		const cost = Number(entry.cost);
		if (entry.cost === undefined || !Number.isFinite(cost) || cost < 0)
			refuse(`costs.${n}.cost`, `Cost "${String(entry.cost)}" is not a number`);
		const filters: Record<string, string[]> = {};
		for (const [key, value] of Object.entries(entry.filters ?? {})) {
			if (!COST_FILTER_KEYS.includes(key)) refuse(`costs.${n}.filters`, `Unknown filter "${key}"`);
			filters[key] = String(value)
				.split(',')
				.map((v) => v.trim());
		}
		return {
			from: moment(entry.start_date, `costs.${n}.start_date`, timeZone, false),
			to: moment(entry.end_date, `costs.${n}.end_date`, timeZone, true),
			costUsd: cost * RATES_TO_USD[currency],
			filters,
		};
	});
	const uniquesOnly = Number(body.only_campaign_uniques ?? 0) === 1;
	for (const job of jobs) {
		const matched = state.clicks.filter(
			(click) =>
				campaignIds.includes(click.campaign_id) &&
				click.datetime >= job.from &&
				click.datetime <= job.to &&
				(!uniquesOnly || click.is_unique_campaign) &&
				Object.entries(job.filters).every(([key, values]) =>
					(values as string[]).includes(clickValue(click, key)),
				),
		);
		for (const click of matched) click.cost = job.costUsd / matched.length;
	}
	return { success: true };
}

/** POST /clicks/clean: deletes the clicks of a period (and their conversions), in one campaign or all. */
function clean(state: SimulatorState, body: any): { success: boolean } {
	const timeZone = String(body?.timezone ?? 'UTC');
	const from = moment(body?.start_date, 'start_date', timeZone, false);
	const to = moment(body?.end_date, 'end_date', timeZone, true);
	const campaignId = body.campaign_id === undefined ? undefined : Number(body.campaign_id);
	const doomed = new Set(
		state.clicks.filter(
			(c) =>
				c.datetime >= from &&
				c.datetime <= to &&
				(campaignId === undefined || c.campaign_id === campaignId),
		),
	);
	state.clicks = state.clicks.filter((c) => !doomed.has(c));
	for (const click of doomed) {
		state.clicksBySubId.delete(click.sub_id);
		state.conversionsBySubId.delete(click.sub_id);
	}
	state.conversions = state.conversions.filter((x) => state.clicksBySubId.has(x.sub_id));
	return { success: true };
}

export const clickRoutes: Route[] = [
	{
		method: 'POST',
		path: '/clicks/log',
		handle: ({ state, body, now }) => runGrid(state.clicks, clickGrid(state), body, now),
	},
	{
		method: 'POST',
		path: '/clicks/update_costs',
		handle: ({ state, body }) => updateCosts(state, body),
	},
	{
		method: 'POST',
		path: '/clicks/clean',
		handle: ({ state, body }) => clean(state, body),
	},
];
