import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1 });
	addClick(sim.state, { sub_id: 'click-a', offer_id: 1 });
	addConversion(sim.state, {
		conversion_id: 11,
		sub_id: 'click-a',
		tid: '',
		status: 'lead',
		revenue: 0,
	});
	addConversion(sim.state, {
		conversion_id: 12,
		sub_id: 'click-a',
		tid: 'rebill-1',
		status: 'rebill',
		revenue: 9.5,
	});
});
afterEach(async () => sim.stop());

test('gets a conversion by its ID, with numbers as numbers', async () => {
	const { items, error } = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		conversionId: '12',
	});
	expect(error).toBeUndefined();
	expect(jsonOf(items)).toMatchObject([
		{ conversion_id: 12, sub_id: 'click-a', tid: 'rebill-1', status: 'rebill', revenue: 9.5 },
	]);
});

test('gets a conversion by click and tid; an empty tid finds the one without a tid', async () => {
	const byTid = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		getBy: 'click',
		clickId: 'click-a',
		tid: 'rebill-1',
	});
	expect(byTid.items[0].json.conversion_id).toBe(12);
	const noTid = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		getBy: 'click',
		clickId: 'click-a',
		tid: '',
	});
	expect(noTid.items[0].json.conversion_id).toBe(11);
});

test('Include Request Details puts the request (key masked) around the conversion', async () => {
	const { items } = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		conversionId: '11',
		options: { includeRequestDetails: true },
	});
	expect(jsonOf(items)).toMatchObject([
		{
			success: true,
			resource: 'conversion',
			operation: 'get',
			request: {
				method: 'POST',
				url: `${sim.url}/admin_api/v1/conversions/log`,
				headers: { 'Api-Key': '***' },
			},
			data: { conversion_id: 11, status: 'lead' },
		},
	]);
});

test('a missing conversion is not found', async () => {
	const { error } = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		conversionId: '404',
	});
	expect(error?.message).toBe('Conversion 404 was not found in Keitaro');
	expect(error?.context?.code).toBe('NOT_FOUND');
});
