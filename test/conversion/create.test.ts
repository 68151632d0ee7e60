import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, payout_auto: true });
	addOffer(sim.state, { id: 2, payout_auto: true, payout_upsell: true });
	addClick(sim.state, { sub_id: 'fresh', offer_id: 1 });
	addClick(sim.state, { sub_id: 'has-lead', offer_id: 1 });
	addClick(sim.state, { sub_id: 'has-sale', offer_id: 2 });
	addConversion(sim.state, { conversion_id: 5, sub_id: 'has-lead', tid: 'a', status: 'lead' });
	addConversion(sim.state, {
		conversion_id: 6,
		sub_id: 'has-sale',
		tid: 'first',
		status: 'sale',
		revenue: 10,
	});
});
afterEach(async () => sim.stop());

const create = (data: object) => ({
	resource: 'conversion',
	operation: 'create',
	conversionData: JSON.stringify(data),
});
const postbacks = () => sim.requests.filter((r) => r.path.endsWith('/postback'));

test('creates a missing conversion and confirms it', async () => {
	const { items, error } = await runKeitaro(
		sim,
		create({ click_id: 'fresh', status: 'sale', revenue: 42, tid: 'offline-1' }),
	);
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({
		click_id: 'fresh',
		tid: 'offline-1',
		status: 'sale',
		revenue: 42,
		confirmed: true,
		warnings: [],
	});
	expect(sim.state.conversionsBySubId.get('fresh')).toMatchObject([
		{ tid: 'offline-1', status: 'sale', revenue: 42 },
	]);
});

test('refuses a click Keitaro does not have', async () => {
	const { error } = await runKeitaro(sim, create({ click_id: 'nope', status: 'lead' }));
	expect(error?.message).toBe('Click nope not found in Keitaro');
	expect(error?.context?.code).toBe('CLICK_NOT_FOUND');
	expect(postbacks()).toHaveLength(0);
});

test('refuses to create what exists (same click and tid): Keitaro would change it instead', async () => {
	const { error } = await runKeitaro(
		sim,
		create({ click_id: 'has-lead', status: 'sale', tid: 'a' }),
	);
	expect(error?.message).toBe('Click has-lead already has conversion 5 with tid "a" (lead)');
	expect(error?.context?.code).toBe('ALREADY_EXISTS');
	expect(postbacks()).toHaveLength(0);
});

test('a second conversion with its own tid on a click with upsells allowed is stored as a rebill, and says so', async () => {
	const { items, error } = await runKeitaro(
		sim,
		create({ click_id: 'has-sale', status: 'sale', revenue: 5, tid: 'second' }),
	);
	expect(error).toBeUndefined();
	const data = items[0].json as { status: string; warnings: string[] };
	expect(data.status).toBe('rebill');
	expect(data.warnings[0]).toMatch(/stored the conversion as rebill/);
	expect(sim.state.conversionsBySubId.get('has-sale')).toHaveLength(2);
});

test('a create needs a status', async () => {
	const { error } = await runKeitaro(sim, create({ click_id: 'fresh' }));
	expect(error?.message).toBe('A new conversion needs a status');
	expect(sim.requests).toHaveLength(0);
});

test('when Keitaro ignores the postback, the error quotes Keitaro’s reason from its log', async () => {
	addClick(sim.state, { sub_id: 'sold', offer_id: 1 });
	addConversion(sim.state, { sub_id: 'sold', tid: 'first', status: 'sale', revenue: 10 });
	const { error } = await runKeitaro(sim, {
		...create({ click_id: 'sold', status: 'sale', tid: 'second' }),
		options: { confirmTimeout: 1 },
	});
	expect(error?.context?.code).toBe('NOT_CONFIRMED');
	expect(error?.description).toContain('Conversion is already exists. Postback ignored.');
	expect(sim.state.conversionsBySubId.get('sold')).toHaveLength(1);
});
