import { addClick, addConversion, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addClick(sim.state, { sub_id: 'c1' });
	addClick(sim.state, { sub_id: 'c2' });
	addConversion(sim.state, {
		conversion_id: 11,
		sub_id: 'c1',
		tid: 't1',
		status: 'sale',
		revenue: 20,
		postback_datetime: '2026-03-01 10:00:00',
	});
	addConversion(sim.state, {
		conversion_id: 12,
		sub_id: 'c1',
		tid: 't2',
		status: 'rebill',
		revenue: 5,
		postback_datetime: '2026-03-02 10:00:00',
	});
});
afterEach(async () => sim.stop());

const find = (extra: object = {}) => ({
	resource: 'conversion',
	operation: 'findByClick',
	clickId: '={{ $json.click }}',
	tid: '={{ $json.tid ?? "" }}',
	columns: ['conversion_id', 'tid', 'status', 'revenue'],
	...extra,
});
const bodies = () => sim.requestsTo('/admin_api/v1/conversions/log').map((r) => JSON.parse(r.body));

test('every conversion of each item’s click, newest first, from one request', async () => {
	const { items, error } = await runKeitaro(sim, find(), {
		items: [{ click: 'c1' }, { click: 'c2' }, { click: 'c1', tid: 't1' }],
	});
	expect(error).toBeUndefined();
	// one item per conversion; the click without conversions puts out none
	expect(jsonOf(items)).toEqual([
		{ conversion_id: 12, tid: 't2', status: 'rebill', revenue: 5 },
		{ conversion_id: 11, tid: 't1', status: 'sale', revenue: 20 },
		{ conversion_id: 11, tid: 't1', status: 'sale', revenue: 20 },
	]);
	expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 2 }]);
	expect(bodies()).toHaveLength(1);
	expect(bodies()[0].filters).toEqual([
		{ name: 'sub_id', operator: 'IN_LIST', expression: ['c1', 'c2'] },
	]);
	expect(bodies()[0].range).toEqual({ interval: 'all_time', timezone: 'UTC' });
});

test('many clicks are looked up 500 to a request', async () => {
	const clicks = Array.from({ length: 1001 }, (_, n) => ({ click: `x${n}` }));
	const { items, error } = await runKeitaro(sim, find(), {
		items: clicks,
	});
	expect(error).toBeUndefined();
	expect(items).toHaveLength(0);
	expect(bodies().map((b) => b.filters[0].expression.length)).toEqual([500, 500, 1]);
});

test('an item without a click ID stops the node before any request, or fails alone', async () => {
	const stopped = await runKeitaro(sim, find(), { items: [{ click: 'c1' }, { click: '' }] });
	expect(stopped.error?.message).toBe('Click ID is empty');
	expect(sim.requests).toHaveLength(0);
	const continued = await runKeitaro(sim, find(), {
		items: [{ click: 'c1' }, { click: '' }],
		node: { onError: 'continueRegularOutput' },
	});
	expect(jsonOf(continued.items)).toMatchObject([
		{ conversion_id: 12 },
		{ conversion_id: 11 },
		{ error: 'Click ID is empty', details: { code: 'INVALID_INPUT' } },
	]);
	expect(continued.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }]);
});
