/**
 * What the node puts out, for every operation alike (actions/router.ts): Keitaro's records as n8n
 * nodes put them out, the older envelope on request, and Continue On Fail's error items in n8n's
 * shape, so they reach the node's error output.
 */
import { addClick, addConversion, addOffer, type KeitaroSimulator } from './simulator';
import { jsonOf, runKeitaro, startSimulator } from './support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, payout_auto: true });
	addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
	addClick(sim.state, { sub_id: 'c2', offer_id: 1 });
	addConversion(sim.state, { conversion_id: 1, sub_id: 'c1', tid: 't1', status: 'lead' });
	addConversion(sim.state, {
		conversion_id: 2,
		sub_id: 'c1',
		tid: 't2',
		status: 'sale',
		revenue: 45,
	});
});
afterEach(async () => sim.stop());

const findByClick = {
	resource: 'conversion',
	operation: 'findByClick',
	clickId: '={{ $json.click }}',
	columns: ['conversion_id', 'sub_id', 'status'],
};

test('a list: one item per record, each paired with the input item it came from', async () => {
	const { items, error } = await runKeitaro(sim, findByClick, {
		items: [{ click: 'c2' }, { click: 'c1' }],
	});
	expect(error).toBeUndefined();
	// c2 has no conversions: no item for it
	expect(jsonOf(items)).toEqual([
		{ conversion_id: 1, sub_id: 'c1', click_id: 'c1', status: 'lead' },
		{ conversion_id: 2, sub_id: 'c1', click_id: 'c1', status: 'sale' },
	]);
	expect(items.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 1 }]);
});

test('an empty list gives no items; n8n’s Always Output Data still gives one empty item', async () => {
	const empty = await runKeitaro(sim, findByClick, { items: [{ click: 'c2' }] });
	expect(empty.error).toBeUndefined();
	expect(empty.items).toEqual([]);
	const always = await runKeitaro(sim, findByClick, {
		items: [{ click: 'c2' }],
		node: { alwaysOutputData: true },
	});
	expect(always.run.status).toBe('success');
	expect(jsonOf(always.items)).toEqual([{}]);
});

test('a single object is the item itself', async () => {
	const { items } = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		conversionId: '2',
	});
	expect(items).toHaveLength(1);
	expect(items[0].json).toMatchObject({ conversion_id: 2, status: 'sale', revenue: 45 });
	expect(items[0].json).not.toHaveProperty('success');
	expect(items[0].pairedItem).toEqual({ item: 0 });
});

test('Include Request Details: one envelope per input item, the API key and postback key masked', async () => {
	const list = await runKeitaro(sim, {
		...findByClick,
		clickId: 'c1',
		options: { includeRequestDetails: true },
	});
	expect(jsonOf(list.items)).toEqual([
		{
			success: true,
			resource: 'conversion',
			operation: 'findByClick',
			request: {
				method: 'POST',
				url: `${sim.url}/admin_api/v1/conversions/log`,
				headers: expect.objectContaining({ 'Api-Key': '***' }),
			},
			data: [
				{ conversion_id: 1, sub_id: 'c1', click_id: 'c1', status: 'lead' },
				{ conversion_id: 2, sub_id: 'c1', click_id: 'c1', status: 'sale' },
			],
		},
	]);

	const change = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'update',
		conversionId: '1',
		inputMode: 'json',
		conversionData: '{"click_id": "c1", "status": "sale", "revenue": 25}',
		options: { includeRequestDetails: true },
	});
	expect(change.error).toBeUndefined();
	expect(change.items[0].json).toMatchObject({
		success: true,
		resource: 'conversion',
		operation: 'update',
		request: {
			method: 'GET',
			url: `${sim.url}/***/postback?subid=c1&status=sale&payout=25&tid=t1`,
		},
		data: { conversion_id: 1, after: { status: 'sale', revenue: 25 }, confirmed: true },
	});
	expect(sim.state.conversionsBySubId.get('c1')![0]).toMatchObject({ status: 'sale', revenue: 25 });
});

test('a workflow saved with the removed Data Only option runs as before, with records', async () => {
	const { items, error } = await runKeitaro(sim, {
		...findByClick,
		clickId: 'c1',
		options: { dataOnly: true },
	});
	expect(error).toBeUndefined();
	expect(jsonOf(items).map((r) => r.conversion_id)).toEqual([1, 2]);
	const details = await runKeitaro(sim, {
		...findByClick,
		clickId: 'c1',
		options: { dataOnly: false },
	});
	expect(jsonOf(details.items).map((r) => r.conversion_id)).toEqual([1, 2]);
});

test('Continue On Fail: an error item is {error, details} and goes to the error output', async () => {
	const parameters = {
		resource: 'conversion',
		operation: 'get',
		conversionId: '={{ $json.id }}',
	};
	const items = [{ id: '2' }, { id: '404' }, { id: 'abc' }];
	const regular = await runKeitaro(sim, parameters, {
		items,
		node: { onError: 'continueRegularOutput' },
	});
	expect(regular.error).toBeUndefined();
	expect(jsonOf(regular.items)).toEqual([
		expect.objectContaining({ conversion_id: 2 }),
		{
			error: 'Conversion 404 was not found in Keitaro',
			details: {
				description: expect.stringContaining('Keitaro → Conversions'),
				status: null,
				code: 'NOT_FOUND',
				request: expect.objectContaining({
					headers: expect.objectContaining({ 'Api-Key': '***' }),
				}),
			},
		},
		{
			error: 'Conversion ID "abc" is not a number',
			details: expect.objectContaining({ code: 'INVALID_INPUT', request: null }),
		},
	]);
	expect(regular.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);

	// "On Error: Continue (using error output)": n8n moves items shaped {error, details} there
	const split = await runKeitaro(sim, parameters, {
		items,
		node: { onError: 'continueErrorOutput' },
	});
	expect(split.error).toBeUndefined();
	expect(jsonOf(split.outputs[0]).map((r) => r.conversion_id)).toEqual([2]);
	expect(jsonOf(split.outputs[1]).map((r) => [r.id, r.error])).toEqual([
		['404', 'Conversion 404 was not found in Keitaro'],
		['abc', 'Conversion ID "abc" is not a number'],
	]);
});
