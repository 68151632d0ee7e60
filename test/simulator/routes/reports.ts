/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
/**
 * A minimal POST /report/build (api-notes §5): the clicks in the range, grouped by click
 * dimensions, with a few metrics counted from their conversions. Range by click time; groups
 * without clicks are absent, as in Keitaro.
 */
import { compare, HttpError, runGrid } from '../grid';
import { clickGrid } from '../model';
import type { Click, Conversion, SimulatorState } from '../state';
import { money } from '../state';
import type { Route } from './types';

interface Totals {
	clicks: number;
	conversions: number;
	leads: number;
	sales: number;
	rejected: number;
	revenue: number;
	cost: number;
}

const rate = (part: number, whole: number) =>
	whole ? Math.round((part / whole) * 10000) / 100 : 0;

const METRICS: Record<string, (t: Totals) => unknown> = {
	clicks: (t) => t.clicks,
	conversions: (t) => t.conversions,
	leads: (t) => t.leads,
	sales: (t) => t.sales,
	rejected: (t) => t.rejected,
	revenue: (t) => money(t.revenue),
	cost: (t) => money(t.cost),
	profit: (t) => money(t.revenue - t.cost),
	roi: (t) => rate(t.revenue - t.cost, t.cost),
	cr: (t) => rate(t.conversions, t.clicks),
	epc: (t) => (t.clicks ? Math.round((t.revenue / t.clicks) * 10000) / 10000 : 0),
};

function add(totals: Totals, click: Click, conversions: Conversion[]): void {
	totals.clicks++;
	totals.cost += click.cost;
	for (const conversion of conversions) {
		totals.conversions++;
		if (conversion.status === 'lead') totals.leads++;
		if (conversion.status === 'rejected') totals.rejected++;
		if (conversion.status === 'sale' || conversion.status === 'rebill') {
			totals.sales++;
			totals.revenue += conversion.revenue;
		}
	}
}

function buildReport(state: SimulatorState, body: any, now: Date) {
	const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
	const grouping = list(body?.grouping ?? body?.dimensions);
	const metrics = list(body?.metrics ?? body?.measures);
	for (const metric of metrics) {
		if (!METRICS[metric])
			throw new HttpError(400, {
				error: `Unknown metric "${metric}". Available metrics: ${Object.keys(METRICS).join(', ')}`,
			});
	}
	// the clicks log answers which clicks are in the range and pass the filters
	const { rows: clicks, meta } = runGrid(
		state.clicks,
		clickGrid(state),
		{ range: body?.range, filters: body?.filters, columns: ['sub_id', ...grouping] },
		now,
	);
	const groups = new Map<string, { dimensions: Record<string, unknown>; totals: Totals }>();
	for (const row of clicks) {
		const dimensions = Object.fromEntries(grouping.map((name) => [name, row[name]]));
		const key = JSON.stringify(dimensions);
		const group = groups.get(key) ?? {
			dimensions,
			totals: { clicks: 0, conversions: 0, leads: 0, sales: 0, rejected: 0, revenue: 0, cost: 0 },
		};
		groups.set(key, group);
		const subId = String(row.sub_id);
		add(group.totals, state.clicksBySubId.get(subId)!, state.conversionsBySubId.get(subId) ?? []);
	}
	const rows = [...groups.values()].map(({ dimensions, totals }) => ({
		...dimensions,
		...Object.fromEntries(metrics.map((metric) => [metric, METRICS[metric](totals)])),
	}));
	const sort: Array<{ name: string; order?: string }> = Array.isArray(body?.sort) ? body.sort : [];
	rows.sort((a: any, b: any) => {
		for (const { name, order } of sort) {
			const c = compare(a[name], b[name]);
			if (c !== 0) return String(order).toUpperCase() === 'DESC' ? -c : c;
		}
		return 0;
	});
	const offset = Number(body?.offset ?? 0);
	const page =
		body?.limit === undefined
			? rows.slice(offset)
			: rows.slice(offset, offset + Number(body.limit));
	return { rows: page, total: rows.length, meta };
}

export const reportRoutes: Route[] = [
	{
		method: 'POST',
		path: '/report/build',
		handle: ({ state, body, now }) => buildReport(state, body, now),
	},
];
