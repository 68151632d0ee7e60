import { REPORT_DIMENSIONS, REPORT_MEASURES } from '../../nodes/Keitaro/descriptions/columns';
import {
	addCampaign,
	addClick,
	addConversion,
	DEFAULT_API_KEY,
	type KeitaroSimulator,
} from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
const NOW = new Date('2026-03-15T12:00:00Z');
beforeAll(async () => {
	sim = await startSimulator({ now: () => NOW });
	addCampaign(sim.state, { id: 1, name: 'Spring AU' });
	addCampaign(sim.state, { id: 2, name: 'Autumn DE' });
	addCampaign(sim.state, { id: 3, name: 'No traffic' });
	// Spring AU: 3 clicks on March 1, one at 23:30 UTC (March 2 in Berlin); one sale of 25, one lead
	const spring = ['2026-03-01 08:00:00', '2026-03-01 09:00:00', '2026-03-01 23:30:00'];
	spring.forEach((datetime, n) =>
		addClick(sim.state, { sub_id: `s${n}`, campaign_id: 1, datetime, cost: 0.5, source: 'fb' }),
	);
	addConversion(sim.state, { sub_id: 's0', status: 'sale', revenue: 25 });
	addConversion(sim.state, { sub_id: 's1', status: 'lead', revenue: 0 });
	// Autumn DE: 2 clicks on March 2, one sale of 10
	addClick(sim.state, {
		sub_id: 'a0',
		campaign_id: 2,
		datetime: '2026-03-02 10:00:00',
		cost: 1,
		source: 'tt',
	});
	addClick(sim.state, {
		sub_id: 'a1',
		campaign_id: 2,
		datetime: '2026-03-02 11:00:00',
		cost: 1,
		source: 'fb',
	});
	addConversion(sim.state, { sub_id: 'a1', status: 'sale', revenue: 10 });
});
afterAll(async () => sim.stop());
beforeEach(() => {
	sim.requests.splice(0);
	sim.state.reportDialect = 'current';
});

const report = (extra: object) => ({
	resource: 'statistics',
	operation: 'buildReport',
	dateRange: 'allTime',
	timezone: 'UTC',
	returnAll: true,
	...extra,
});
const bodies = () => sim.requestsTo('/admin_api/v1/report/build').map((r) => JSON.parse(r.body));
const byCampaign = {
	dimensions: ['campaign'],
	measures: ['clicks', 'conversions', 'sales', 'revenue', 'cost', 'profit', 'cr'],
	options: { sortBy: 'revenue', sortOrder: 'DESC' },
};

test('one item per row, numbers as numbers, combinations without clicks left out', async () => {
	const { items, error } = await runKeitaro(sim, report(byCampaign));
	expect(error).toBeUndefined();
	expect(jsonOf(items)).toEqual([
		{
			campaign: 'Spring AU',
			clicks: 3,
			conversions: 2,
			sales: 1,
			revenue: 25,
			cost: 1.5,
			profit: 23.5,
			cr: 66.67,
		},
		{
			campaign: 'Autumn DE',
			clicks: 2,
			conversions: 1,
			sales: 1,
			revenue: 10,
			cost: 2,
			profit: 8,
			cr: 50,
		},
	]);
	expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	// Keitaro itself sends money and rates as strings
	const raw = await fetch(`${sim.url}/admin_api/v1/report/build`, {
		method: 'POST',
		headers: { 'Api-Key': DEFAULT_API_KEY },
		body: JSON.stringify(bodies()[0]),
	}).then((r) => r.json() as Promise<{ rows: Array<Record<string, unknown>> }>);
	expect(raw.rows[0]).toMatchObject({ revenue: '25.00', cr: '66.67' });
});

test('sends the new and the old column names, so older trackers build the same report', async () => {
	const current = await runKeitaro(sim, report(byCampaign));
	expect(bodies()[0]).toMatchObject({
		dimensions: ['campaign'],
		grouping: ['campaign'],
		measures: byCampaign.measures,
		metrics: byCampaign.measures,
	});
	sim.state.reportDialect = 'legacy';
	const legacy = await runKeitaro(sim, report(byCampaign));
	expect(jsonOf(legacy.items)).toEqual(jsonOf(current.items));
	// what an older tracker does with the new names alone: no measures at all
	const newNamesOnly = await fetch(`${sim.url}/admin_api/v1/report/build`, {
		method: 'POST',
		headers: { 'Api-Key': DEFAULT_API_KEY },
		body: JSON.stringify({
			range: { interval: 'all_time' },
			dimensions: ['campaign'],
			measures: ['clicks'],
		}),
	}).then((r) => r.json() as Promise<{ rows: Array<Record<string, unknown>> }>);
	expect(newNamesOnly.rows[0]).toEqual({ campaign: expect.any(String) });
});

test('date preset and time zone: days are counted in the report’s time zone', async () => {
	const { items } = await runKeitaro(
		sim,
		report({
			dateRange: 'thisMonth',
			timezone: 'Europe/Berlin',
			dimensions: ['day'],
			measures: ['clicks'],
			options: { sortBy: 'day', sortOrder: 'ASC' },
		}),
	);
	expect(bodies()[0].range).toEqual({
		interval: 'first_day_of_this_month',
		timezone: 'Europe/Berlin',
	});
	expect(jsonOf(items)).toEqual([
		{ day: '2026-03-01', clicks: 2 },
		{ day: '2026-03-02', clicks: 3 },
	]);
});

test('the summary row covers the whole report, whatever the limit', async () => {
	const { items, error } = await runKeitaro(
		sim,
		report({
			...byCampaign,
			returnAll: false,
			limit: 1,
			options: { ...byCampaign.options, summary: true },
		}),
	);
	expect(error).toBeUndefined();
	const rows = jsonOf(items);
	expect(rows).toHaveLength(2);
	expect(rows[0].campaign).toBe('Spring AU');
	expect(rows[1]).toEqual({
		is_summary: true,
		clicks: 5,
		conversions: 3,
		sales: 2,
		revenue: 35,
		cost: 3.5,
		profit: 31.5,
		cr: 60,
	});
	expect(bodies().map((b) => [b.limit, b.summary])).toEqual([
		[1, undefined],
		[1, true],
	]);
});

test('filters: named, on dimensions and on measures', async () => {
	const { items } = await runKeitaro(
		sim,
		report({
			dimensions: ['campaign', 'source'],
			measures: ['clicks'],
			filters: {
				source: 'fb',
				columnFilters: { filter: [{ column: 'clicks', operator: 'GREATER_THAN', value: '1' }] },
			},
		}),
	);
	expect(jsonOf(items)).toEqual([{ campaign: 'Spring AU', source: 'fb', clicks: 3 }]);
	expect(bodies()[0].filters).toEqual([
		{ name: 'source', operator: 'EQUALS', expression: 'fb' },
		{ name: 'clicks', operator: 'GREATER_THAN', expression: '1' },
	]);
});

test('Return All reads every page; Limit stops early', async () => {
	const big = await startSimulator();
	try {
		addCampaign(big.state, { id: 1 });
		for (let n = 0; n < 1500; n++) addClick(big.state, { sub_id: `c${n}`, campaign_id: 1 });
		const all = await runKeitaro(big, report({ dimensions: ['sub_id'], measures: ['clicks'] }));
		expect(all.items).toHaveLength(1500);
		const pages = big.requestsTo('/admin_api/v1/report/build').map((r) => JSON.parse(r.body));
		expect(pages.map((b) => [b.offset, b.limit])).toEqual([
			[0, 1000],
			[1000, 1000],
		]);
		const few = await runKeitaro(
			big,
			report({ dimensions: ['sub_id'], measures: ['clicks'], returnAll: false, limit: 7 }),
		);
		expect(few.items).toHaveLength(7);
	} finally {
		await big.stop();
	}
});

test('every bundled dimension and measure is one Keitaro’s report takes', async () => {
	for (const dimension of REPORT_DIMENSIONS.map(([value]) => value)) {
		const { error } = await runKeitaro(
			sim,
			report({ dimensions: [dimension], measures: ['clicks'] }),
		);
		expect([dimension, error?.message]).toEqual([dimension, undefined]);
	}
	const { error } = await runKeitaro(
		sim,
		report({ dimensions: [], measures: REPORT_MEASURES.map(([value]) => value) }),
	);
	expect(error).toBeUndefined();
});

test('bad input stops before any request', async () => {
	const noMeasures = await runKeitaro(sim, report({ measures: [] }));
	expect(noMeasures.error?.message).toBe('No measures chosen');
	const badSort = await runKeitaro(
		sim,
		report({ dimensions: ['campaign'], measures: ['clicks'], options: { sortBy: 'revenue' } }),
	);
	expect(badSort.error?.message).toBe('Sort By "revenue" is not in the report');
	const badLabel = await runKeitaro(
		sim,
		report({
			filters: {
				columnFilters: { filter: [{ column: 'source', operator: 'HAS_LABEL', value: 'greylist' }] },
			},
		}),
	);
	expect(badLabel.error?.message).toBe(
		'Column Filter 1 (source): label "greylist" is not a Keitaro label',
	);
	expect(sim.requests).toHaveLength(0);
});
