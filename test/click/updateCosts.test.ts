import { addCampaign, addClick, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addCampaign(sim.state, { id: 1 });
	addCampaign(sim.state, { id: 2 });
	// campaign 1: two clicks on March 1 and one on March 2 (UTC); campaign 2: one on March 1
	addClick(sim.state, {
		sub_id: 'a1',
		campaign_id: 1,
		datetime: '2026-03-01 10:00:00',
		source: 'fb',
	});
	addClick(sim.state, {
		sub_id: 'a2',
		campaign_id: 1,
		datetime: '2026-03-01 11:00:00',
		source: 'tt',
	});
	addClick(sim.state, {
		sub_id: 'a3',
		campaign_id: 1,
		datetime: '2026-03-02 10:00:00',
		source: 'fb',
	});
	addClick(sim.state, {
		sub_id: 'b1',
		campaign_id: 2,
		datetime: '2026-03-01 10:00:00',
		source: 'fb',
	});
});
afterEach(async () => sim.stop());

const updateCosts = (extra: object = {}) => ({
	resource: 'click',
	operation: 'updateCosts',
	campaignIds: '={{ $json.campaigns }}',
	start: '={{ $json.day }}',
	end: '={{ $json.day }}',
	cost: '={{ $json.cost }}',
	currency: '={{ $json.currency }}',
	timezone: 'UTC',
	...extra,
});
const cost = (subId: string) => Math.round(sim.state.clicksBySubId.get(subId)!.cost * 100) / 100;
const bodies = () =>
	sim.requestsTo('/admin_api/v1/clicks/update_costs').map((r) => JSON.parse(r.body));

test('many input items go in one request per set of campaigns; the output counts the rows', async () => {
	const { items, error } = await runKeitaro(sim, updateCosts(), {
		items: [
			{ campaigns: '1', day: '2026-03-01', cost: 30, currency: 'USD' },
			{ campaigns: '2', day: '2026-03-01', cost: 5, currency: 'USD' },
			{ campaigns: '1', day: '2026-03-02', cost: 20, currency: 'EUR' },
			{ campaigns: '1', day: '2026-03-02', cost: 12, currency: 'USD' },
		],
	});
	expect(error).toBeUndefined();
	expect(bodies()).toHaveLength(3);
	expect(bodies()[0]).toEqual({
		campaign_ids: [1],
		costs: [
			{
				start_date: '2026-03-01 00:00',
				end_date: '2026-03-01 23:59',
				cost: '30',
				timezone: 'UTC',
				currency: 'USD',
			},
			{
				start_date: '2026-03-02 00:00',
				end_date: '2026-03-02 23:59',
				cost: '12',
				timezone: 'UTC',
				currency: 'USD',
			},
		],
		timezone: 'UTC',
		currency: 'USD',
		only_campaign_uniques: 0,
	});
	const out = jsonOf(items);
	expect(out.map((o) => o.accepted_rows)).toEqual([2, 1, 1]);
	expect(items.map((i) => i.pairedItem)).toEqual([
		[{ item: 0 }, { item: 3 }],
		{ item: 1 },
		{ item: 2 },
	]);
	// what Keitaro stored: each day's cost spread over its clicks; March 2 was set last by the EUR
	// request (20 EUR = 22 USD), which replaced the 12 USD of the first request
	expect([cost('a1'), cost('a2'), cost('a3'), cost('b1')]).toEqual([15, 15, 22, 5]);
});

test('click filters and unique clicks limit which clicks get the cost', async () => {
	sim.state.clicksBySubId.get('a1')!.is_unique_campaign = false;
	const { error } = await runKeitaro(
		sim,
		updateCosts({
			additionalFields: {
				clickFilters: { filter: [{ key: 'source', value: 'fb, tt' }] },
				onlyUniques: true,
			},
		}),
		{ items: [{ campaigns: '1, 2', day: '2026-03-01', cost: 9, currency: 'usd' }] },
	);
	expect(error).toBeUndefined();
	expect(bodies()[0]).toMatchObject({
		campaign_ids: [1, 2],
		costs: [{ filters: { source: 'fb,tt' }, currency: 'USD' }],
		only_campaign_uniques: 1,
	});
	expect([cost('a1'), cost('a2'), cost('b1')]).toEqual([0.05, 4.5, 4.5]);
});

test('more rows than one request carries are split into requests of 1000', async () => {
	const many = Array.from({ length: 1001 }, () => ({
		campaigns: '1',
		day: '2026-03-01',
		cost: 1,
		currency: 'USD',
	}));
	const { items, error } = await runKeitaro(sim, updateCosts(), {
		items: many,
	});
	expect(error).toBeUndefined();
	expect(bodies().map((b) => b.costs.length)).toEqual([1000, 1]);
	expect(jsonOf(items).map((o) => o.accepted_rows)).toEqual([1000, 1]);
});

test('a bad item stops the node before anything is sent', async () => {
	const { error } = await runKeitaro(sim, updateCosts({ end: '2026-02-01' }), {
		items: [
			{ campaigns: '1', day: '2026-03-01', cost: 30, currency: 'USD' },
			{ campaigns: 'one', day: '2026-03-01', cost: 5, currency: 'USD' },
		],
	});
	expect(error?.message).toBe('Start (2026-03-01 00:00) is after End (2026-02-01 23:59)');
	expect(sim.requests).toHaveLength(0);
	expect(cost('a1')).toBe(0.05);
});

test('with Continue On Fail a bad item becomes an error item and the others are sent', async () => {
	const { items, error } = await runKeitaro(sim, updateCosts(), {
		items: [
			{ campaigns: '1', day: '2026-03-01', cost: 30, currency: 'USD' },
			{ campaigns: '1', day: '2026-03-01', cost: 5, currency: 'US dollars' },
			{ campaigns: '7', day: '2026-03-01', cost: 5, currency: 'USD' },
		],
		node: { onError: 'continueRegularOutput' },
	});
	expect(error).toBeUndefined();
	const out = jsonOf(items);
	expect(out[0]).toMatchObject({ accepted_rows: 1 });
	expect(out[1]).toEqual({
		error: 'Currency: currency "US dollars" is not a currency code',
		details: expect.objectContaining({ code: 'INVALID_INPUT' }),
	});
	// Keitaro does not know campaign 7
	expect(out[2]).toMatchObject({ error: expect.any(String), details: { status: 404 } });
	expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	expect(bodies()).toHaveLength(2);
	expect(cost('a1')).toBe(15);
});
