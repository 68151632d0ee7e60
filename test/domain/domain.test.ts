import { addDomain } from '../simulator';
import { bodyOf, byId, trafficSuite } from '../support/traffic';

const t = trafficSuite('domain');
const domain = (id: number) => t.sim.state.domains.find((d) => d.id === id)!;

describe('create', () => {
	test('adds the domain with its default campaign; Keitaro’s list answer becomes one record', async () => {
		const { data, error } = await t.run('create', {
			name: 'promo.example.org',
			additionalFields: { defaultCampaignId: 1, catchNotFound: true, sslRedirect: true },
		});
		expect(error).toBeUndefined();
		expect(bodyOf(t.requests('POST')[0])).toEqual({
			name: 'promo.example.org',
			default_campaign_id: 1,
			catch_not_found: true,
			ssl_redirect: true,
		});
		expect(data).toMatchObject({
			name: 'promo.example.org',
			network_status: 'validating',
			default_campaign: 1,
		});
		expect(domain(data.id as number)).toMatchObject({ default_campaign_id: 1, ssl_redirect: true });
	});

	test('a name that is not a domain is Keitaro’s 406 naming the name field', async () => {
		const { error } = await t.run('create', { name: 'not a domain' });
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('name: "not" is not a valid domain name');
		expect(t.sim.state.domains).toHaveLength(1);
	});
});

test('get reads one domain; an unknown one is Keitaro’s 404', async () => {
	const { data } = await t.run('get', { domainId: byId(1), options: { simplify: true } });
	expect(data).toEqual({
		id: 1,
		name: 'go.example.com',
		state: 'active',
		network_status: 'active',
		default_campaign: null,
		ssl_redirect: false,
	});
	const { error } = await t.run('get', { domainId: byId(8) });
	expect(error?.message).toContain('Traffic\\Model\\Domain #8 not found');
});

describe('update', () => {
	test('sends only the fields that were set (update takes is_ssl, create does not)', async () => {
		await t.run('update', { domainId: byId(1), updateFields: { isSsl: false, notes: 'old' } });
		expect(bodyOf(t.requests('PUT')[0])).toEqual({ is_ssl: false, notes: 'old' });
		expect(domain(1)).toMatchObject({ is_ssl: false, notes: 'old', name: 'go.example.com' });
	});

	test('renaming an active domain is Keitaro’s 406 naming the name field', async () => {
		const { error } = await t.run('update', {
			domainId: byId(1),
			updateFields: { name: 'other.example.com' },
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('name: The name of an active domain cannot be changed');
		expect(domain(1).name).toBe('go.example.com');
	});
});

test('archive and restore round-trip through Keitaro’s archive', async () => {
	await t.run('archive', { domainId: byId(1) });
	expect(domain(1).state).toBe('deleted');
	expect((await t.run('getMany', { returnAll: true })).data).toEqual([]);
	expect((await t.run('getDeleted', { returnAll: true })).data.map((d) => d.id)).toEqual([1]);
	const restored = await t.run('restore', { domainId: byId(1) });
	expect(restored.data).toMatchObject({ id: 1, state: 'active' });
	expect((await t.run('getMany', { returnAll: true })).data.map((d) => d.name)).toEqual([
		'go.example.com',
	]);
});

test('checkStatus asks Keitaro to check DNS again and answers the new status', async () => {
	const waiting = addDomain(t.sim.state, { name: 'new.example.net', network_status: 'validating' });
	const broken = addDomain(t.sim.state, { name: 'lost.invalid', network_status: 'validating' });
	const ok = await t.run('checkStatus', { domainId: byId(waiting.id) });
	expect(ok.data).toMatchObject({ id: waiting.id, network_status: 'active' });
	const failed = await t.run('checkStatus', { domainId: byId(broken.id) });
	expect(failed.data).toMatchObject({ network_status: 'error' });
	expect(t.requests('POST').map((r) => r.path)).toEqual([
		`/admin_api/v1/domains/${waiting.id}/check`,
		`/admin_api/v1/domains/${broken.id}/check`,
	]);
});

test('the Domain list searches by name; the Default Campaign list loads campaigns', async () => {
	const found = (await t.method('listSearch', 'searchDomains', {}, 'go.')) as {
		results: unknown[];
	};
	expect(found.results).toEqual([{ name: 'go.example.com (#1)', value: '1' }]);
	expect(await t.method('loadOptions', 'getCampaigns')).toEqual([
		{ name: 'Autumn DE (#2)', value: 2 },
		{ name: 'Spring AU (#1)', value: 1 },
	]);
});

test('every domain operation ran in this file', () => t.expectEveryOperationRan());
