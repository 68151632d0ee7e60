import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, name: 'Auto payout', payout_auto: true, payout_value: 10 });
	addOffer(sim.state, { id: 2, name: 'Fixed payout', payout_auto: false, payout_value: 15 });
	addClick(sim.state, { sub_id: 'click-a', offer_id: 1 });
	addClick(sim.state, { sub_id: 'click-b', offer_id: 2 });
	addClick(sim.state, { sub_id: 'click-c', offer_id: 1 });
	addConversion(sim.state, {
		conversion_id: 101,
		sub_id: 'click-a',
		tid: 'order-1',
		status: 'lead',
		revenue: 0,
	});
	addConversion(sim.state, {
		conversion_id: 102,
		sub_id: 'click-b',
		tid: '',
		status: 'lead',
		revenue: 0,
	});
	addConversion(sim.state, {
		conversion_id: 103,
		sub_id: 'click-c',
		tid: 'order-3',
		status: 'sale',
		revenue: 30,
	});
});
afterEach(async () => sim.stop());

const update = (data: object, extra: object = {}) => ({
	resource: 'conversion',
	operation: 'update',
	conversionId: '101',
	conversionData: JSON.stringify(data),
	...extra,
});
const stored = (subId: string) => sim.state.conversionsBySubId.get(subId)!;
const postbacks = () => sim.requests.filter((r) => r.path.endsWith('/postback'));

test('moves a lead to sale with the new revenue, and proves it', async () => {
	const { items, error } = await runKeitaro(
		sim,
		update({ click_id: 'click-a', status: 'sale', revenue: 25 }),
	);
	expect(error).toBeUndefined();
	expect(jsonOf(items)).toMatchObject([
		{
			conversion_id: 101,
			click_id: 'click-a',
			tid: 'order-1',
			changed: true,
			confirmed: true,
			before: { status: 'lead', revenue: 0 },
			after: { status: 'sale', revenue: 25 },
			keitaro_answer: 'Success',
			warnings: [],
		},
	]);
	expect(stored('click-a')).toHaveLength(1);
	expect(stored('click-a')[0]).toMatchObject({
		status: 'sale',
		previous_status: 'lead',
		revenue: 25,
	});
	expect(items[0].pairedItem).toEqual({ item: 0 });
});

test('adjusts revenue without changing the status (keep the status: JSON without status)', async () => {
	const { items, error } = await runKeitaro(
		sim,
		update({ click_id: 'click-c', revenue: 12.5 }, { conversionId: '103' }),
	);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({
		before: { status: 'sale', revenue: 30 },
		after: { status: 'sale', revenue: 12.5 },
	});
	expect(stored('click-c')[0]).toMatchObject({ status: 'sale', revenue: 12.5 });
	expect(
		new URL(postbacks()[0].path + postbacks()[0].query, sim.url).searchParams.get('status'),
	).toBe('sale');
});

test('finds the conversion by transaction ID', async () => {
	const { items, error } = await runKeitaro(
		sim,
		update(
			{ click_id: 'click-a', status: 'rejected' },
			{ conversionIdType: 'tid', conversionId: 'order-1' },
		),
	);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ conversion_id: 101, after: { status: 'rejected' } });
	expect(stored('click-a')[0].status).toBe('rejected');
});

test('Fields mode does the same as JSON', async () => {
	const { items, error } = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'update',
		conversionId: '101',
		inputMode: 'fields',
		clickId: 'click-a',
		status: 'sale',
		additionalFields: {
			revenue: 19.9,
			currency: 'EUR',
			subIds: { subId: [{ number: 3, value: 'crm-42' }] },
		},
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ after: { status: 'sale' }, confirmed: true });
	// Keitaro converts EUR to the tracker currency (USD in the simulator: 1.1)
	expect(stored('click-a')[0]).toMatchObject({ status: 'sale', revenue: 21.89 });
	expect(stored('click-a')[0].sub_ids).toEqual({ sub_id_3: 'crm-42' });
});

test('a conversion without a tid is changed without sending one', async () => {
	const { error } = await runKeitaro(
		sim,
		update({ click_id: 'click-b', status: 'rejected' }, { conversionId: '102' }),
	);
	expect(error).toBeUndefined();
	expect(postbacks()[0].query).not.toMatch(/tid=/);
	expect(stored('click-b')).toHaveLength(1);
	expect(stored('click-b')[0].status).toBe('rejected');
});

test('warns when the offer keeps its own payout (payout_auto off)', async () => {
	const { items, error } = await runKeitaro(
		sim,
		update({ click_id: 'click-b', status: 'sale', revenue: 99 }, { conversionId: '102' }),
	);
	expect(error).toBeUndefined();
	const data = items[0].json as { after: object; warnings: string[]; confirmed: boolean };
	expect(data.confirmed).toBe(true);
	expect(data.after).toEqual({ status: 'sale', revenue: 15 });
	expect(data.warnings[0]).toMatch(
		/keeps the offer’s payout \(15\) instead of 99: offer 2 "Fixed payout"/,
	);
	expect(stored('click-b')[0]).toMatchObject({ status: 'sale', revenue: 15 });
});

test('refuses a conversion that belongs to another click, before sending anything', async () => {
	const { error } = await runKeitaro(sim, update({ click_id: 'click-b', status: 'sale' }));
	expect(error?.message).toBe('Conversion 101 belongs to click click-a, not to click-b');
	expect(error?.context?.code).toBe('CLICK_MISMATCH');
	expect(postbacks()).toHaveLength(0);
});

test('a conversion that does not exist is reported as not found', async () => {
	const { error } = await runKeitaro(
		sim,
		update({ click_id: 'click-a', status: 'sale' }, { conversionId: '999' }),
	);
	expect(error?.message).toBe('Conversion 999 not found in Keitaro');
	expect(postbacks()).toHaveLength(0);
});

test('refuses an undocumented transition unless allowed', async () => {
	const refused = await runKeitaro(
		sim,
		update({ click_id: 'click-c', status: 'lead' }, { conversionId: '103' }),
	);
	expect(refused.error?.message).toBe('Keitaro does not document the change sale → lead');
	expect(refused.error?.description).toMatch(
		/lead → sale, lead → rejected, sale → rejected, rebill → rejected/,
	);
	expect(postbacks()).toHaveLength(0);

	const allowed = await runKeitaro(
		sim,
		update(
			{ click_id: 'click-c', status: 'lead' },
			{ conversionId: '103', options: { allowUndocumentedTransitions: true } },
		),
	);
	expect(allowed.error).toBeUndefined();
	expect(stored('click-c')[0]).toMatchObject({ status: 'lead', previous_status: 'sale' });
});

test('nothing to change: no postback is sent', async () => {
	const { items, error } = await runKeitaro(
		sim,
		update({ click_id: 'click-c', status: 'sale', revenue: 30 }, { conversionId: '103' }),
	);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ changed: false });
	expect(postbacks()).toHaveLength(0);
});

test('when Keitaro ignores the postback, the item fails with Keitaro’s log lines (key masked)', async () => {
	sim.postbackDelayMs = 60_000; // the queue does not run within the confirm timeout
	const { error } = await runKeitaro(
		sim,
		update(
			{ click_id: 'click-a', status: 'sale', revenue: 25 },
			{ options: { confirmTimeout: 1 } },
		),
	);
	expect(error?.message).toBe(
		'Keitaro accepted the postback but conversion 101 did not change within 1 s',
	);
	expect(error?.context?.code).toBe('NOT_CONFIRMED');
	expect(error?.description).toMatch(/Received postback \/\*\*\*\/postback\?subid=click-a/);
	expect(error?.description).not.toContain(sim.postbackKey);
});

test('without confirmation the node reports the accepted postback only', async () => {
	sim.postbackDelayMs = 60_000;
	const { items, error } = await runKeitaro(
		sim,
		update({ click_id: 'click-a', status: 'sale', revenue: 25 }, { options: { confirm: false } }),
	);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({
		confirmed: false,
		changed: true,
		after: { status: 'sale', revenue: 25 },
	});
	expect(sim.pendingPostbacks).toBe(1);
});

test('many items: each is changed once, in input order, with its pairedItem', async () => {
	for (let n = 0; n < 20; n++) {
		addClick(sim.state, { sub_id: `bulk-${n}`, offer_id: 1 });
		addConversion(sim.state, {
			conversion_id: 1000 + n,
			sub_id: `bulk-${n}`,
			tid: `t-${n}`,
			status: 'lead',
		});
	}
	const items = Array.from({ length: 20 }, (_, n) => ({
		id: 1000 + n,
		click: `bulk-${n}`,
		amount: n,
	}));
	const { items: out, error } = await runKeitaro(
		sim,
		{
			resource: 'conversion',
			operation: 'update',
			conversionId: '={{ $json.id }}',
			conversionData:
				'={ "click_id": "{{ $json.click }}", "status": "sale", "revenue": {{ $json.amount }} }',
			options: { concurrency: 4 },
		},
		{ items },
	);
	expect(error).toBeUndefined();
	expect(out.map((i) => i.pairedItem)).toEqual(items.map((_, n) => ({ item: n })));
	expect(out.map((i) => i.json.conversion_id)).toEqual(items.map((i) => i.id));
	for (let n = 0; n < 20; n++)
		expect(stored(`bulk-${n}`)[0]).toMatchObject({ status: 'sale', revenue: n });
	expect(postbacks()).toHaveLength(20);
});
