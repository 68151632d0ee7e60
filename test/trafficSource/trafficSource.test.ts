import { bodyOf, byId, trafficSuite } from '../support/traffic';

const t = trafficSuite('trafficSource');
const source = (id: number) => t.sim.state.trafficSources.find((s) => s.id === id)!;

describe('create', () => {
	test('a source with its postback, statuses and parameters', async () => {
		const { data, error } = await t.run('create', {
			name: 'TikTok',
			additionalFields: {
				postbackUrl: 'https://ads.example/pb?click={external_id}&status={status}',
				postbackStatuses: ['sale', 'lead'],
				acceptParameters: true,
				trafficLoss: 5,
				parameters: {
					parameter: [
						{ key: 'external_id', name: 'ttclid', placeholder: '__CLICKID__', alias: '' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(source(data.id as number)).toMatchObject({
			name: 'TikTok',
			postback_url: 'https://ads.example/pb?click={external_id}&status={status}',
			postback_statuses: ['sale', 'lead'],
			accept_parameters: true,
			traffic_loss: 5,
			parameters: { external_id: { name: 'ttclid', placeholder: '__CLICKID__', alias: '' } },
		});
	});

	test('a postback URL that is not a URL is Keitaro’s 406 naming postback_url', async () => {
		const before = t.sim.state.trafficSources.length;
		const { error } = await t.run('create', {
			name: 'Broken',
			additionalFields: { postbackUrl: 'ads.example/pb' },
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('postback_url: Must be a valid URL');
		expect(t.sim.state.trafficSources).toHaveLength(before);
	});

	test('the same parameter twice is refused before anything is sent', async () => {
		const row = { key: 'source', name: 'a', placeholder: '', alias: '' };
		const { error } = await t.run('create', {
			name: 'Twice',
			additionalFields: { parameters: { parameter: [row, { ...row, name: 'b' }] } },
		});
		expect(error?.message).toBe('Parameters: source is set twice');
		expect(t.requests()).toHaveLength(0);
	});
});

test('get reads one source; an unknown one is Keitaro’s 404', async () => {
	const { data } = await t.run('get', { trafficSourceId: byId(1), options: { simplify: true } });
	expect(data).toEqual({
		id: 1,
		name: 'Facebook',
		state: 'active',
		template_name: 'facebook',
		postback_url: '',
		postback_statuses: [],
	});
	const { error } = await t.run('get', { trafficSourceId: byId(5) });
	expect(error?.message).toContain('Traffic\\Model\\TrafficSource #5 not found');
});

test('getMany lists the sources', async () => {
	const { data } = await t.run('getMany', { returnAll: true });
	expect(data.map((s) => s.name)).toEqual(['Facebook']);
});

test('update sends only the fields that were set', async () => {
	await t.run('update', { trafficSourceId: byId(1), updateFields: { postbackStatuses: ['sale'] } });
	expect(bodyOf(t.requests('PUT')[0])).toEqual({ postback_statuses: ['sale'] });
	expect(source(1)).toMatchObject({ name: 'Facebook', postback_statuses: ['sale'] });
});

test('archive and restore round-trip (restore writes the state back to active)', async () => {
	const archived = await t.run('archive', { trafficSourceId: byId(1) });
	// Keitaro answers this DELETE without the source
	expect(archived.data).toEqual({ id: 1, success: true });
	expect(source(1).state).toBe('deleted');
	expect((await t.run('getMany', { returnAll: true })).data).toEqual([]);
	const restored = await t.run('restore', { trafficSourceId: byId(1) });
	expect(restored.data).toMatchObject({ id: 1, state: 'active' });
	expect((await t.run('getMany', { returnAll: true })).data.map((s) => s.id)).toEqual([1]);
});

test('clone copies the source', async () => {
	const { data } = await t.run('clone', { trafficSourceId: byId(1) });
	expect(source(data.id as number)).toMatchObject({
		name: 'Facebook (copy)',
		template_name: 'facebook',
	});
});

test('the Traffic Source list searches by name or ID', async () => {
	const found = (await t.method('listSearch', 'searchTrafficSources', {}, '1')) as {
		results: unknown[];
	};
	expect(found.results).toEqual([{ name: 'Facebook (#1)', value: '1' }]);
});

test('every traffic source operation ran in this file', () => t.expectEveryOperationRan());
