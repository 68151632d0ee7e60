import { fileEditorTests } from '../support/fileEditor';
import { bodyOf, byId, trafficSuite } from '../support/traffic';

const t = trafficSuite('offer');
const offer = (id: number) => t.sim.state.offers.find((o) => o.id === id)!;

describe('create', () => {
	test('sends payout, network, countries and group (as a number) and gets country names back', async () => {
		const { data, error } = await t.run('create', {
			name: 'Keto Max DE',
			additionalFields: {
				url: 'https://network.example/click?o=12&sub1={subid}',
				payoutValue: 32.5,
				payoutCurrency: 'EUR',
				payoutType: 'CPA',
				payoutAuto: true,
				payoutUpsell: true,
				affiliateNetworkId: 1,
				country: ['DE', 'at'],
				groupId: 2,
				conversionCap: true,
				dailyCap: 50,
				alternativeOfferId: 2,
			},
		});
		expect(error).toBeUndefined();
		expect(bodyOf(t.requests('POST')[0])).toMatchObject({
			group_id: 2,
			country: ['DE', 'AT'],
			affiliate_network_id: 1,
			alternative_offer_id: 2,
		});
		expect(offer(data.id as number)).toMatchObject({
			name: 'Keto Max DE',
			action_payload: 'https://network.example/click?o=12&sub1={subid}',
			payout_value: 32.5,
			payout_currency: 'EUR',
			payout_type: 'CPA',
			payout_auto: true,
			payout_upsell: true,
			affiliate_network_id: 1,
			country: ['DE', 'AT'],
			group_id: 2,
			conversion_cap_enabled: true,
			daily_cap: 50,
		});
		// Keitaro answers names where it took codes
		expect(data).toMatchObject({ country: ['Germany', 'Austria'], affiliate_network: 'AdCombo' });
	});

	test('a currency Keitaro does not know is its 406 naming payout_currency', async () => {
		const before = t.sim.state.offers.length;
		const { error } = await t.run('create', {
			name: 'Odd money',
			additionalFields: { payoutCurrency: 'XYZ' },
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('payout_currency: Unknown currency "XYZ"');
		expect(t.sim.state.offers).toHaveLength(before);
	});
});

test('get reads one offer; an unknown one is Keitaro’s 404', async () => {
	const { data } = await t.run('get', { offerId: byId(2), options: { simplify: true } });
	expect(data).toMatchObject({ id: 2, name: 'Loan Pro (fixed payout)', payout_auto: false });
	expect(data).not.toHaveProperty('created_at');
	const { error } = await t.run('get', { offerId: byId(99) });
	expect(error?.httpCode).toBe('404');
	expect(error?.message).toContain('Traffic\\Model\\Offer #99 not found');
});

test('getMany lists the offers, up to the limit', async () => {
	const { data } = await t.run('getMany', { returnAll: false, limit: 1 });
	expect(data.map((o) => o.id)).toEqual([1]);
});

test('update sends only the fields that were set', async () => {
	await t.run('update', {
		offerId: byId(2),
		updateFields: { payoutAuto: true, payoutValue: 18 },
	});
	expect(bodyOf(t.requests('PUT')[0])).toEqual({ payout_auto: true, payout_value: 18 });
	expect(offer(2)).toMatchObject({ payout_auto: true, payout_value: 18, payout_upsell: true });
});

test('archive (DELETE /offers/{id}/archive) and restore round-trip', async () => {
	const archived = await t.run('archive', { offerId: byId(2) });
	expect(t.requests('DELETE').map((r) => r.path)).toEqual(['/admin_api/v1/offers/2/archive']);
	expect(archived.data).toMatchObject({ id: 2, state: 'deleted' });
	expect((await t.run('getMany', { returnAll: true })).data.map((o) => o.id)).toEqual([1]);
	await t.run('restore', { offerId: byId(2) });
	expect(bodyOf(t.requests('PUT')[0])).toEqual({ state: 'active' });
	expect(offer(2).state).toBe('active');
	expect((await t.run('getMany', { returnAll: true })).data.map((o) => o.id)).toEqual([1, 2]);
});

test('clone copies the offer', async () => {
	const { data } = await t.run('clone', { offerId: byId(2) });
	expect(offer(data.id as number)).toMatchObject({
		name: 'Loan Pro (fixed payout) (copy)',
		payout_value: 15,
	});
});

fileEditorTests(t, { locator: 'offerId', id: 1, base: '/offers' });

test('the Offer list searches by name; groups, networks and countries load', async () => {
	const found = (await t.method('listSearch', 'searchOffers', {}, 'loan')) as {
		results: unknown[];
	};
	expect(found.results).toEqual([{ name: 'Loan Pro (fixed payout) (#2)', value: '2' }]);
	expect(await t.method('loadOptions', 'getGroups')).toEqual([{ name: 'Finance', value: 2 }]);
	expect(await t.method('loadOptions', 'getAffiliateNetworks')).toEqual([
		{ name: 'AdCombo (#1)', value: 1 },
	]);
	const countries = (await t.method('loadOptions', 'getCountries')) as unknown[];
	expect(countries).toContainEqual({ name: 'Germany (DE)', value: 'DE' });
	expect(countries.length).toBeGreaterThan(240);
});

test('every offer operation ran in this file', () => t.expectEveryOperationRan());
