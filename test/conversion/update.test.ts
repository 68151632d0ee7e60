import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	const auto = addOffer(sim.state, {
		id: 1,
		name: 'Auto payout',
		payout_auto: true,
		payout_value: 10,
	});
	const fixed = addOffer(sim.state, {
		id: 2,
		name: 'Fixed payout',
		payout_auto: false,
		payout_value: 15,
	});
	addClick(sim.state, { sub_id: 'click-a', offer_id: auto.id });
	addClick(sim.state, { sub_id: 'click-b', offer_id: fixed.id });
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
});
afterEach(async () => sim.stop());

const update = (data: object, extra: object = {}) => ({
	resource: 'conversion',
	operation: 'update',
	conversionId: '101',
	conversionData: JSON.stringify(data),
	...extra,
});

test('moves a lead to sale with the new revenue, and proves it', async () => {
	const { items, error } = await runKeitaro(
		sim,
		update({ click_id: 'click-a', status: 'sale', revenue: 25 }),
	);
	expect(error).toBeUndefined();
	const [out] = jsonOf(items);
	expect(out).toMatchObject({
		success: true,
		resource: 'conversion',
		operation: 'update',
		request: { method: 'GET' },
		data: {
			conversion_id: 101,
			click_id: 'click-a',
			tid: 'order-1',
			changed: true,
			confirmed: true,
			before: { status: 'lead', revenue: 0 },
			after: { status: 'sale', revenue: 25 },
			warnings: [],
		},
	});
	const stored = sim.state.conversionsBySubId.get('click-a')!;
	expect(stored).toHaveLength(1);
	expect(stored[0]).toMatchObject({
		conversion_id: 101,
		status: 'sale',
		previous_status: 'lead',
		revenue: 25,
	});
	expect(items[0].pairedItem).toEqual({ item: 0 });
});
