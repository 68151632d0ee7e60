import { addCampaign, addGroup } from '../simulator';
import { bodyOf, byId, byUrl, fromList, trafficSuite } from '../support/traffic';

const t = trafficSuite('campaign');
const campaign = (id: number) => t.sim.state.campaigns.find((c) => c.id === id)!;

describe('create', () => {
	test('sends the named and additional fields, with a generated alias and the group ID as a string', async () => {
		const group = t.sim.state.groups.find((g) => g.type === 'campaigns')!;
		const { data, error } = await t.run('create', {
			name: 'Summer DE',
			additionalFields: {
				bindVisitors: 'slo',
				costType: 'CPM',
				costValue: 1.5,
				costCurrency: 'EUR',
				domainId: 1,
				groupId: group.id,
				trafficSourceId: 1,
				rotation: 'weight',
				parameters: {
					parameter: [
						{ key: 'sub_id_1', name: 'utm_source', placeholder: '{source}', alias: 'Source' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		const [post] = t.requests('POST');
		const sent = bodyOf(post);
		expect(sent).toMatchObject({ group_id: String(group.id), domain_id: 1, traffic_source_id: 1 });
		expect(sent.alias).toMatch(/^[A-Za-z0-9]{8}$/);
		const stored = campaign(data.id as number);
		expect(stored).toMatchObject({
			name: 'Summer DE',
			alias: sent.alias,
			type: 'weight',
			bind_visitors: 'slo',
			cost_type: 'CPM',
			cost_value: 1.5,
			cost_currency: 'EUR',
			group_id: group.id,
			domain_id: 1,
			traffic_source_id: 1,
			parameters: { sub_id_1: { name: 'utm_source', placeholder: '{source}', alias: 'Source' } },
		});
		// Keitaro's read model: the domain as a URL
		expect(data).toMatchObject({ id: stored.id, domain: 'https://go.example.com/' });
	});

	test('a used alias comes back as Keitaro’s 422 naming the field, and nothing is created', async () => {
		const before = t.sim.state.campaigns.length;
		const { error } = await t.run('create', {
			name: 'Copy',
			additionalFields: { alias: 'springau' },
		});
		expect(error?.httpCode).toBe('422');
		expect(error?.message).toContain('alias: Alias has already used');
		expect(t.sim.state.campaigns).toHaveLength(before);
	});

	test('an empty name is refused before anything is sent', async () => {
		const { error } = await t.run('create', { name: '  ' });
		expect(error?.message).toBe('Name is empty');
		expect(error?.context?.code).toBe('INVALID_INPUT');
		expect(t.requests()).toHaveLength(0);
	});
});

describe('get', () => {
	test('by ID, by admin-panel URL and from the list, with Simplify keeping the fields people read', async () => {
		const ids = [byId(1), byUrl(`${t.sim.url}/admin/#!/campaigns/1`), fromList(1)];
		for (const campaignId of ids) {
			const { data } = await t.run('get', { campaignId });
			expect(data).toMatchObject({ id: 1, name: 'Spring AU', token: 'tok1secret' });
		}
		const { data } = await t.run('get', { campaignId: byId(1), options: { simplify: true } });
		expect(Object.keys(data).sort()).toEqual(
			[
				'alias',
				'cost_currency',
				'cost_type',
				'cost_value',
				'group_id',
				'id',
				'name',
				'state',
				'traffic_source_id',
				'type',
				'updated_at',
			].sort(),
		);
		expect(t.requests('GET').map((r) => r.path)).toEqual(
			Array(4).fill('/admin_api/v1/campaigns/1'),
		);
	});

	test('an unknown campaign is Keitaro’s 404, its plain text in the message', async () => {
		const { error } = await t.run('get', { campaignId: byId(999) });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe(
			'Not found in Keitaro (404): Traffic\\Model\\Campaign #999 not found',
		);
	});

	test('an ID from an expression that is not a number is refused before anything is sent', async () => {
		// the editor checks a typed ID itself; an expression's value is the node's to check
		const { error } = await t.run('get', { campaignId: byId('={{ "abc" }}') });
		expect(error?.context?.code).toBe('INVALID_INPUT');
		expect(error?.message).toContain('Campaign "abc" is not a Keitaro ID');
		expect(t.requests()).toHaveLength(0);
	});
});

describe('getMany', () => {
	test('Return All reads every page of GET /campaigns; Limit asks for only that many', async () => {
		for (let n = 0; n < 2100; n++) addCampaign(t.sim.state, { name: `Bulk ${n}` });
		const all = await t.run('getMany', { returnAll: true });
		expect(all.data).toHaveLength(2102);
		expect(t.requests().map((r) => r.query)).toEqual([
			'?offset=0&limit=1000',
			'?offset=1000&limit=1000',
			'?offset=2000&limit=1000',
		]);
		const some = await t.run('getMany', {
			returnAll: false,
			limit: 3,
			options: { simplify: true },
		});
		expect(some.data.map((c) => c.name)).toEqual(['Spring AU', 'Autumn DE', 'Bulk 0']);
		expect(some.data[0]).not.toHaveProperty('token');
		expect(t.requests().at(-1)!.query).toBe('?offset=0&limit=3');
	});

	test('one item per campaign, each paired with its input item', async () => {
		const { items } = await t.run('getMany', { returnAll: true });
		expect(items.map((i) => i.json.name)).toEqual(['Spring AU', 'Autumn DE']);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});
});

describe('update', () => {
	test('sends only the fields that were set', async () => {
		const before = { ...campaign(1) };
		const { data, error } = await t.run('update', {
			campaignId: byId(1),
			updateFields: { costValue: 0.25, notes: 'raised bid' },
		});
		expect(error).toBeUndefined();
		expect(bodyOf(t.requests('PUT')[0])).toEqual({ cost_value: 0.25, notes: 'raised bid' });
		expect(campaign(1)).toMatchObject({
			...before,
			cost_value: 0.25,
			notes: 'raised bid',
			updated_at: expect.any(String),
		});
		expect(data).toMatchObject({ id: 1, notes: 'raised bid' });
	});

	test('a group of another type is Keitaro’s 406 naming group_id', async () => {
		const offers = addGroup(t.sim.state, { name: 'Offers only', type: 'offers' });
		const { error } = await t.run('update', {
			campaignId: byId(1),
			updateFields: { groupId: offers.id },
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain(`group_id: Group #${offers.id} is not a group of campaigns`);
		expect(campaign(1).group_id).toBe(0);
	});

	test('no fields to update is refused before anything is sent', async () => {
		const { error } = await t.run('update', { campaignId: byId(1), updateFields: {} });
		expect(error?.message).toBe('Nothing to update');
		expect(t.requests()).toHaveLength(0);
	});
});

test('archive and restore round-trip through Keitaro’s archive', async () => {
	const archived = await t.run('archive', { campaignId: byId(2) });
	expect(archived.data).toMatchObject({ id: 2, state: 'deleted' });
	expect(t.requests('DELETE').map((r) => r.path)).toEqual(['/admin_api/v1/campaigns/2']);
	const listed = await t.run('getMany', { returnAll: true });
	expect(listed.data.map((c) => c.id)).toEqual([1]);
	const inArchive = await t.run('getDeleted', { returnAll: true });
	expect(inArchive.data.map((c) => c.id)).toEqual([2]);

	const restored = await t.run('restore', { campaignId: byId(2) });
	expect(restored.data).toMatchObject({ id: 2, state: 'active' });
	expect(campaign(2).state).toBe('active');
	const emptied = await t.run('getDeleted', { returnAll: true });
	expect(emptied.data).toEqual([]);
});

test('clone copies the campaign and its streams under a new alias', async () => {
	const { data } = await t.run('clone', { campaignId: byId(1) });
	expect(t.requests('POST').map((r) => r.path)).toEqual(['/admin_api/v1/campaigns/1/clone']);
	const copy = campaign(data.id as number);
	expect(copy).toMatchObject({ name: 'Spring AU (copy)', cost_type: campaign(1).cost_type });
	expect(copy.alias).not.toBe(campaign(1).alias);
	const streams = t.sim.state.streams.filter((s) => s.campaign_id === copy.id);
	expect(streams.map((s) => s.name)).toEqual(['AU mobile']);
});

test('disable and enable switch the campaign’s state', async () => {
	await t.run('disable', { campaignId: byId(1) });
	expect(campaign(1).state).toBe('disabled');
	const { data } = await t.run('enable', { campaignId: byId(1) });
	expect(campaign(1).state).toBe('active');
	expect(data).toMatchObject({ id: 1, state: 'active' });
});

describe('updateCosts', () => {
	test('queues the cost of a period in Keitaro’s format', async () => {
		const { data, error } = await t.run('updateCosts', {
			campaignId: byId(1),
			start: '2026-03-01',
			end: '2026-03-02T18:30:00',
			timezone: 'Europe/Berlin',
			cost: 120.5,
			currency: 'EUR',
			additionalFields: {
				onlyUniques: true,
				clickFilters: { filter: [{ key: 'source', value: 'site-a.com, site-b.com' }] },
			},
		});
		expect(error).toBeUndefined();
		const expected = {
			start_date: '2026-03-01 00:00',
			end_date: '2026-03-02 18:30',
			timezone: 'Europe/Berlin',
			cost: '120.5',
			currency: 'EUR',
			only_campaign_uniques: true,
			filters: { source: 'site-a.com,site-b.com' },
		};
		expect(t.sim.state.costJobs).toEqual([
			{ campaign_id: 1, request: expected, queued_at: expect.any(String) },
		]);
		expect(data).toMatchObject({ campaign_id: 1, scheduled: true, ...expected });
	});

	test('a period that ends before it starts is refused before anything is sent', async () => {
		const { error } = await t.run('updateCosts', {
			campaignId: byId(1),
			start: '2026-03-02',
			end: '2026-03-01',
			timezone: 'UTC',
			cost: 1,
			currency: 'USD',
		});
		expect(error?.message).toBe('Start (2026-03-02 00:00) is after End (2026-03-01 23:59)');
		expect(t.requests()).toHaveLength(0);
	});

	test('an unknown time zone is refused before anything is sent', async () => {
		const { error } = await t.run('updateCosts', {
			campaignId: byId(1),
			start: '2026-03-01',
			end: '2026-03-01',
			timezone: 'Mars/Olympus',
			cost: 1,
			currency: 'USD',
		});
		expect(error?.context?.code).toBe('INVALID_INPUT');
		expect(error?.message).toContain('Mars/Olympus');
		expect(t.requests()).toHaveLength(0);
	});
});

describe('lists in the editor', () => {
	test('the Campaign list searches by name and links each campaign’s page', async () => {
		const found = (await t.method('listSearch', 'searchCampaigns', {}, 'autumn')) as {
			results: Array<{ name: string; value: string; url: string }>;
		};
		expect(found.results).toEqual([
			{ name: 'Autumn DE (#2)', value: '2', url: `${t.sim.url}/admin/#!/campaigns/2` },
		]);
	});

	test('the Group list holds the campaign groups only; currencies and domains load', async () => {
		const groups = await t.method('loadOptions', 'getGroups');
		expect(groups).toEqual([{ name: 'Nutra', value: 1 }]);
		const currencies = (await t.method('loadOptions', 'getCurrencies')) as Array<{ value: string }>;
		expect(currencies.map((c) => c.value)).toEqual(expect.arrayContaining(['EUR', 'USD', 'UAH']));
		expect(await t.method('loadOptions', 'getDomains')).toEqual([
			{ name: 'go.example.com (#1)', value: 1 },
		]);
		expect(await t.method('loadOptions', 'getTrafficSources')).toEqual([
			{ name: 'Facebook (#1)', value: 1 },
		]);
	});
});

test('every campaign operation ran in this file', () => t.expectEveryOperationRan());
