import { addCampaign, addClick, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
const NOW = new Date('2026-03-15T12:00:00Z');
beforeAll(async () => {
	sim = await startSimulator({ now: () => NOW });
	addCampaign(sim.state, { id: 1, name: 'Spring AU' });
	addCampaign(sim.state, { id: 2, name: 'Autumn DE' });
	for (let n = 0; n < 1200; n++) {
		// one click a minute backwards from now
		const at = new Date(NOW.getTime() - n * 60_000).toISOString().slice(0, 19).replace('T', ' ');
		addClick(sim.state, {
			sub_id: `k${n}`,
			campaign_id: 1 + (n % 2),
			datetime: at,
			cost: 0.1,
			source: n % 3 ? 'fb' : 'tiktok',
			details: { region: n % 5 ? 'Berlin' : 'Bavaria' },
		});
	}
});
afterAll(async () => sim.stop());
beforeEach(() => sim.requests.splice(0));

const getLog = (extra: object) => ({
	resource: 'click',
	operation: 'getLog',
	dateRange: 'allTime',
	timezone: 'UTC',
	...extra,
});
const bodies = () => sim.requestsTo('/admin_api/v1/clicks/log').map((r) => JSON.parse(r.body));

test('Return All reads every page of the clicks log', async () => {
	const { items, error } = await runKeitaro(sim, getLog({ returnAll: true }));
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1200);
	expect(bodies().map((b) => [b.offset, b.limit])).toEqual([
		[0, 1000],
		[1000, 1000],
	]);
});

test('finds clicks by their click IDs (sub_id), one item per click with numbers as numbers', async () => {
	const { items, error } = await runKeitaro(
		sim,
		getLog({
			returnAll: true,
			filters: { clickId: 'k3, k4' },
			columns: ['sub_id', 'campaign_id', 'cost', 'region', 'is_bot'],
			sortBy: 'sub_id',
			sortOrder: 'ASC',
		}),
	);
	expect(error).toBeUndefined();
	expect(jsonOf(items)).toEqual([
		{ sub_id: 'k3', campaign_id: 2, cost: 0.1, region: 'Berlin', is_bot: 0 },
		{ sub_id: 'k4', campaign_id: 1, cost: 0.1, region: 'Berlin', is_bot: 0 },
	]);
	expect(bodies()[0].filters).toEqual([
		{ name: 'sub_id', operator: 'IN_LIST', expression: ['k3', 'k4'] },
	]);
	const one = await runKeitaro(sim, getLog({ returnAll: true, filters: { clickId: 'k7' } }));
	expect(one.items).toHaveLength(1);
	expect(bodies()[1].filters).toEqual([{ name: 'sub_id', operator: 'EQUALS', expression: 'k7' }]);
});

test('column filters reach any column with Keitaro’s operators', async () => {
	const { items, error } = await runKeitaro(
		sim,
		getLog({
			returnAll: true,
			filters: {
				campaignId: 1,
				source: 'tiktok',
				columnFilters: {
					filter: [
						{ column: 'region', operator: 'EQUALS', value: 'Bavaria' },
						{ column: 'sub_id', operator: 'NOT_IN_LIST', value: 'k0' },
					],
				},
			},
			columns: ['sub_id', 'region', 'source', 'campaign_id'],
		}),
	);
	expect(error).toBeUndefined();
	const rows = jsonOf(items);
	// campaign 1: even n; tiktok: n % 3 === 0; Bavaria: n % 5 === 0 → n % 30 === 0, without k0
	expect(rows).toHaveLength(39);
	expect(
		rows.every((r) => r.region === 'Bavaria' && r.source === 'tiktok' && r.campaign_id === 1),
	).toBe(true);
	expect(bodies()[0].filters).toEqual([
		{ name: 'campaign_id', operator: 'EQUALS', expression: 1 },
		{ name: 'source', operator: 'EQUALS', expression: 'tiktok' },
		{ name: 'region', operator: 'EQUALS', expression: 'Bavaria' },
		{ name: 'sub_id', operator: 'NOT_IN_LIST', expression: ['k0'] },
	]);
});

test('a date preset reads the clicks of that period in the time zone', async () => {
	const { items } = await runKeitaro(
		sim,
		getLog({ dateRange: 'today', timezone: 'Asia/Tokyo', returnAll: true }),
	);
	expect(bodies()[0].range).toEqual({ interval: 'today', timezone: 'Asia/Tokyo' });
	// 21:00 in Tokyo: today began 21 hours ago, before the oldest click (20 hours ago)
	expect(items).toHaveLength(1200);
	const utc = await runKeitaro(
		sim,
		getLog({ dateRange: 'today', timezone: 'UTC', returnAll: true }),
	);
	// 12:00 UTC: the clicks of the last 12 hours, 00:00 included
	expect(utc.items).toHaveLength(721);
});

test('every column the node offers is one the clicks log has', async () => {
	const { CLICK_LOG_COLUMNS } = await import('../../nodes/Keitaro/descriptions/columns');
	const { error } = await runKeitaro(
		sim,
		getLog({ limit: 1, columns: CLICK_LOG_COLUMNS.map(([value]) => value) }),
	);
	expect(error).toBeUndefined();
});

test('a column filter without its value stops before any request', async () => {
	const { error } = await runKeitaro(
		sim,
		getLog({
			filters: { columnFilters: { filter: [{ column: 'cost', operator: 'BETWEEN', value: '1' }] } },
		}),
	);
	expect(error?.message).toBe('Column Filter 1 (cost): Between needs two values, got 1');
	expect(error?.description).toContain('10,20');
	expect(sim.requests).toHaveLength(0);
});
