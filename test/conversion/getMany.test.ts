import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
const NOW = new Date('2026-03-15T12:00:00Z');
beforeAll(async () => {
	sim = await startSimulator({ now: () => NOW });
	addOffer(sim.state, { id: 1 });
	addOffer(sim.state, { id: 2 });
	for (let n = 0; n < 2500; n++) {
		const subId = `c${n}`;
		addClick(sim.state, {
			sub_id: subId,
			offer_id: 1 + (n % 2),
			campaign_id: 1 + (n % 3),
			datetime: '2026-03-01 00:00:00',
		});
		// one conversion an hour backwards from now
		const at = new Date(NOW.getTime() - n * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
		addConversion(sim.state, {
			conversion_id: n + 1,
			sub_id: subId,
			tid: `t${n}`,
			status: (['lead', 'sale', 'rejected'] as const)[n % 3],
			revenue: n % 3 === 1 ? 10 : 0,
			postback_datetime: at,
		});
	}
});
afterAll(async () => sim.stop());
beforeEach(() => sim.requests.splice(0));

const getMany = (extra: object) => ({
	resource: 'conversion',
	operation: 'getMany',
	dateRange: 'allTime',
	timezone: 'UTC',
	...extra,
});
const bodies = () => sim.requestsTo('/admin_api/v1/conversions/log').map((r) => JSON.parse(r.body));

test('Return All reads every page', async () => {
	const { items, error } = await runKeitaro(sim, getMany({ returnAll: true }));
	expect(error).toBeUndefined();
	expect(items).toHaveLength(2500);
	expect(bodies().map((b) => [b.offset, b.limit])).toEqual([
		[0, 1000],
		[1000, 1000],
		[2000, 1000],
	]);
});

test('Limit stops after that many rows', async () => {
	const { items } = await runKeitaro(sim, getMany({ returnAll: false, limit: 5 }));
	expect(items).toHaveLength(5);
	expect(bodies()).toHaveLength(1);
	expect(bodies()[0].limit).toBe(5);
});

test('filters, columns and sort: one item per conversion, numbers as numbers', async () => {
	const { items, error } = await runKeitaro(
		sim,
		getMany({
			returnAll: true,
			filters: { status: ['sale'], offerId: 2, campaignId: 2 },
			columns: ['conversion_id', 'status', 'revenue'],
			sortBy: 'conversion_id',
			sortOrder: 'ASC',
		}),
	);
	expect(error).toBeUndefined();
	const rows = jsonOf(items);
	// n % 3 === 1 (sale), n % 2 === 1 (offer 2), n % 3 === 1 (campaign 2): n = 1, 7, 13, …
	expect(rows.slice(0, 3)).toEqual([
		{ conversion_id: 2, status: 'sale', revenue: 10 },
		{ conversion_id: 8, status: 'sale', revenue: 10 },
		{ conversion_id: 14, status: 'sale', revenue: 10 },
	]);
	expect(rows.every((r) => r.status === 'sale')).toBe(true);
	expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	expect(bodies()[0].filters).toEqual([
		{ name: 'status', operator: 'IN_LIST', expression: ['sale'] },
		{ name: 'campaign_id', operator: 'EQUALS', expression: 2 },
		{ name: 'offer_id', operator: 'EQUALS', expression: 2 },
	]);
});

test('date presets send Keitaro’s interval in the chosen time zone', async () => {
	const { items } = await runKeitaro(
		sim,
		getMany({ dateRange: 'today', timezone: 'Europe/Berlin', returnAll: true }),
	);
	expect(bodies()[0].range).toEqual({ interval: 'today', timezone: 'Europe/Berlin' });
	// 13:00 Berlin: conversions from 00:00 Berlin (23:00 UTC the day before) = 14 hours, 0…13
	expect(items).toHaveLength(14);
});

test('a custom range is sent as wall-clock time in the time zone', async () => {
	const { items } = await runKeitaro(
		sim,
		getMany({
			dateRange: 'custom',
			dateFrom: '2026-03-15T10:00:00',
			dateTo: '2026-03-15',
			timezone: 'UTC',
			returnAll: true,
		}),
	);
	expect(bodies()[0].range).toEqual({
		from: '2026-03-15 10:00:00',
		to: '2026-03-15',
		timezone: 'UTC',
	});
	expect(items).toHaveLength(3); // 10:00, 11:00, 12:00
});

test('a date with an offset is converted to the time zone', async () => {
	await runKeitaro(
		sim,
		getMany({
			dateRange: 'custom',
			dateFrom: '2026-03-15T10:00:00Z',
			dateTo: '2026-03-15T12:00:00+01:00',
			timezone: 'Europe/Berlin',
			returnAll: true,
		}),
	);
	expect(bodies()[0].range).toEqual({
		from: '2026-03-15 11:00:00',
		to: '2026-03-15 12:00:00',
		timezone: 'Europe/Berlin',
	});
});

test('every conversions-log column the node offers is one Keitaro has', async () => {
	const { CONVERSION_LOG_COLUMNS } = await import('../../nodes/Keitaro/descriptions/columns');
	const { items, error } = await runKeitaro(
		sim,
		getMany({ limit: 1, columns: CONVERSION_LOG_COLUMNS.map(([value]) => value) }),
	);
	expect(error).toBeUndefined();
	// every column, and click_id beside sub_id (the name Update and the trigger give the click)
	expect(Object.keys(items[0].json).sort()).toEqual(
		[...CONVERSION_LOG_COLUMNS.map(([value]) => value), 'click_id'].sort(),
	);
});

test('column filters reach any conversions-log column', async () => {
	const { items, error } = await runKeitaro(
		sim,
		getMany({
			returnAll: true,
			filters: {
				clickId: 'c1, c2, c3, c4',
				columnFilters: {
					filter: [
						{ column: 'revenue', operator: 'GREATER_THAN', value: '0' },
						{ column: 'conversion_id', operator: 'BETWEEN', value: '1, 3' },
					],
				},
			},
			columns: ['conversion_id', 'sub_id', 'revenue'],
			sortBy: 'conversion_id',
		}),
	);
	expect(error).toBeUndefined();
	expect(jsonOf(items)).toEqual([{ conversion_id: 2, sub_id: 'c1', revenue: 10, click_id: 'c1' }]);
	expect(bodies()[0].filters).toEqual([
		{ name: 'sub_id', operator: 'IN_LIST', expression: ['c1', 'c2', 'c3', 'c4'] },
		{ name: 'revenue', operator: 'GREATER_THAN', expression: '0' },
		{ name: 'conversion_id', operator: 'BETWEEN', expression: ['1', '3'] },
	]);
});
