import { bodyOf, byId, trafficSuite } from '../support/traffic';

const t = trafficSuite('affiliateNetwork');
const network = (id: number) => t.sim.state.affiliateNetworks.find((n) => n.id === id)!;

describe('create', () => {
	test('a network with its offer parameters and postback URL', async () => {
		const { data, error } = await t.run('create', {
			name: 'Dr.Cash',
			additionalFields: {
				offerParam: 'sub1={subid}&sub2={campaign_name}',
				postbackUrl: 'https://t.example.com/abc/postback?subid={sub1}',
				notes: 'weekly payouts',
			},
		});
		expect(error).toBeUndefined();
		expect(network(data.id as number)).toMatchObject({
			name: 'Dr.Cash',
			offer_param: 'sub1={subid}&sub2={campaign_name}',
			postback_url: 'https://t.example.com/abc/postback?subid={sub1}',
			notes: 'weekly payouts',
		});
		expect(data).toMatchObject({ offers: 0 });
	});

	test('a postback URL that is not a URL is Keitaro’s 406 naming postback_url', async () => {
		const { error } = await t.run('create', {
			name: 'Broken',
			additionalFields: { postbackUrl: 'postback' },
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('postback_url: Must be a valid URL');
		expect(t.sim.state.affiliateNetworks).toHaveLength(1);
	});
});

test('get reads one network with its offer count; an unknown one is Keitaro’s 404', async () => {
	const { data } = await t.run('get', { affiliateNetworkId: byId(1) });
	expect(data).toMatchObject({ id: 1, name: 'AdCombo', offers: 1 });
	const { error } = await t.run('get', { affiliateNetworkId: byId(3) });
	expect(error?.message).toContain('Traffic\\Model\\AffiliateNetwork #3 not found');
});

test('a postback URL that holds the tracker’s postback key comes out masked', async () => {
	network(1).postback_url = `${t.sim.url}/${t.sim.postbackKey}/postback?subid={subacc4}`;
	const { items, data } = await t.run('get', { affiliateNetworkId: byId(1) });
	expect(JSON.stringify(items)).not.toContain(t.sim.postbackKey);
	expect(data.postback_url).toBe(`${t.sim.url}/***/postback?subid={subacc4}`);
});

test('getMany lists the networks, simplified', async () => {
	const { data } = await t.run('getMany', { returnAll: true, options: { simplify: true } });
	expect(data).toEqual([
		{
			id: 1,
			name: 'AdCombo',
			state: 'active',
			template_name: '',
			offer_param: 'subacc4={subid}',
			offers: 1,
		},
	]);
});

test('update sends only the fields that were set', async () => {
	await t.run('update', {
		affiliateNetworkId: byId(1),
		updateFields: { offerParam: 'aff_sub={subid}' },
	});
	expect(bodyOf(t.requests('PUT')[0])).toEqual({ offer_param: 'aff_sub={subid}' });
	expect(network(1)).toMatchObject({ name: 'AdCombo', offer_param: 'aff_sub={subid}' });
});

test('archive moves the network out of the list; Keitaro keeps it, archived, by ID', async () => {
	const { data } = await t.run('archive', { affiliateNetworkId: byId(1) });
	expect(data).toMatchObject({ id: 1, state: 'deleted' });
	expect((await t.run('getMany', { returnAll: true })).data).toEqual([]);
	const kept = await t.run('get', { affiliateNetworkId: byId(1) });
	expect(kept.data).toMatchObject({ id: 1, state: 'deleted' });
});

test('clone copies the network', async () => {
	const { data } = await t.run('clone', { affiliateNetworkId: byId(1) });
	expect(network(data.id as number)).toMatchObject({
		name: 'AdCombo (copy)',
		offer_param: 'subacc4={subid}',
	});
});

test('the Affiliate Network list searches by name', async () => {
	const found = (await t.method('listSearch', 'searchAffiliateNetworks', {}, 'combo')) as {
		results: unknown[];
	};
	expect(found.results).toEqual([{ name: 'AdCombo (#1)', value: '1' }]);
});

test('every affiliate network operation ran in this file', () => t.expectEveryOperationRan());
