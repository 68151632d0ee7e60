import { addOffer, addStream } from '../simulator';
import { bodyOf, byId, trafficSuite } from '../support/traffic';

const t = trafficSuite('stream');
const stream = (id: number) => t.sim.state.streams.find((s) => s.id === id)!;

describe('create', () => {
	test('adds a stream with its filters, offers and landing pages, collecting clicks', async () => {
		const second = addOffer(t.sim.state, { name: 'Second' });
		const { data, error } = await t.run('create', {
			campaignId: byId(2),
			name: 'DE desktop',
			type: 'regular',
			schema: 'redirect',
			actionType: 'http',
			additionalFields: {
				actionPayload: 'https://example.com/?sub={subid}',
				filterOr: true,
				position: 2,
				weight: 50,
				filters: {
					row: [
						{ name: 'country', mode: 'accept', payload: 'DE, AT' },
						{ name: 'device_type', mode: 'reject', payload: 'mobile' },
					],
				},
				offers: {
					row: [
						{ id: 1, share: 70, state: 'active' },
						{ id: second.id, share: 30, state: 'disabled' },
					],
				},
				landings: { row: [{ id: 1, share: 100, state: 'active' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(bodyOf(t.requests('POST')[0])).toMatchObject({
			campaign_id: 2,
			collect_clicks: true,
			filters: [
				{ name: 'country', mode: 'accept', payload: ['DE', 'AT'] },
				{ name: 'device_type', mode: 'reject', payload: ['mobile'] },
			],
		});
		const stored = stream(data.id as number);
		expect(stored).toMatchObject({
			campaign_id: 2,
			name: 'DE desktop',
			schema: 'redirect',
			action_type: 'http',
			action_payload: 'https://example.com/?sub={subid}',
			collect_clicks: true,
			filter_or: true,
			position: 2,
			weight: 50,
		});
		expect(stored.filters.map((f) => [f.name, f.mode, f.payload])).toEqual([
			['country', 'accept', ['DE', 'AT']],
			['device_type', 'reject', ['mobile']],
		]);
		expect(stored.offers.map((o) => [o.offer_id, o.share, o.state])).toEqual([
			[1, 70, 'active'],
			[second.id, 30, 'disabled'],
		]);
		expect(stored.landings.map((l) => [l.landing_id, l.share])).toEqual([[1, 100]]);
	});

	test('an action type Keitaro does not know is its 406 naming action_type', async () => {
		const before = t.sim.state.streams.length;
		const { error } = await t.run('create', {
			campaignId: byId(1),
			name: 'Teleport',
			actionType: 'teleport',
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('action_type: Unknown action type "teleport"');
		expect(t.sim.state.streams).toHaveLength(before);
	});

	test('a share that is not a whole percentage is refused before anything is sent', async () => {
		const { error } = await t.run('create', {
			campaignId: byId(1),
			name: 'Split',
			additionalFields: { offers: { row: [{ id: 1, share: 33.5, state: 'active' }] } },
		});
		expect(error?.context?.code).toBe('INVALID_INPUT');
		expect(error?.message).toBe('Offer: share 33.5 of 1 is not a whole percentage');
		expect(t.requests()).toHaveLength(0);
	});
});

describe('update', () => {
	test('merges offer rows into the stream’s current ones and keeps its other lists', async () => {
		const second = addOffer(t.sim.state, { name: 'Second' });
		const before = structuredClone(stream(1));
		const { error } = await t.run('update', {
			streamId: byId(1),
			updateFields: {
				offers: {
					row: [
						{ id: 1, share: 60, state: 'active' },
						{ id: second.id, share: 40, state: 'active' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect(t.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /admin_api/v1/streams/1',
			'PUT /admin_api/v1/streams/1',
		]);
		// Keitaro wants action type and schema on every PUT; filters and landing pages stay untouched
		expect(bodyOf(t.requests('PUT')[0])).toEqual({
			action_type: 'http',
			schema: 'landings',
			offers: [
				{ offer_id: 1, share: 60, state: 'active' },
				{ offer_id: second.id, share: 40, state: 'active' },
			],
		});
		const after = stream(1);
		expect(after.offers.map((o) => [o.offer_id, o.share])).toEqual([
			[1, 60],
			[second.id, 40],
		]);
		// the offer that stayed keeps its Keitaro row
		expect(after.offers[0].id).toBe(before.offers[0].id);
		expect(after.filters).toEqual(before.filters);
		expect(after.landings).toEqual(before.landings);
	});

	test('"Remove From Stream" takes a row off, the rest stays', async () => {
		const second = addOffer(t.sim.state, { name: 'Second' });
		stream(1).offers.push({ ...stream(1).offers[0], id: 999, offer_id: second.id, share: 0 });
		await t.run('update', {
			streamId: byId(1),
			updateFields: { offers: { row: [{ id: 1, share: 0, state: 'remove' }] } },
		});
		expect(stream(1).offers.map((o) => o.offer_id)).toEqual([second.id]);
	});

	test('a plain field goes alone, with the current action type and schema', async () => {
		await t.run('update', { streamId: byId(1), updateFields: { name: 'AU all devices' } });
		expect(bodyOf(t.requests('PUT')[0])).toEqual({
			action_type: 'http',
			schema: 'landings',
			name: 'AU all devices',
		});
		expect(stream(1).name).toBe('AU all devices');
	});

	test('an unknown stream is Keitaro’s 404, and nothing is written', async () => {
		const { error } = await t.run('update', {
			streamId: byId(77),
			updateFields: { name: 'x' },
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toContain('Traffic\\Model\\Stream #77 not found');
		expect(t.requests('PUT')).toHaveLength(0);
	});
});

test('get reads one stream, with Simplify', async () => {
	const { data } = await t.run('get', { streamId: byId(1), options: { simplify: true } });
	expect(data).toEqual({
		id: 1,
		campaign_id: 1,
		name: 'AU mobile',
		type: 'regular',
		schema: 'landings',
		state: 'active',
		position: 1,
		weight: 100,
		action_type: 'http',
		action_payload: '',
	});
});

test('getMany lists the streams of the chosen campaign', async () => {
	addStream(t.sim.state, { campaign_id: 1, name: 'Fallback', type: 'default' });
	addStream(t.sim.state, { campaign_id: 2, name: 'Other campaign' });
	const { data } = await t.run('getMany', { campaignId: byId(1), returnAll: true });
	expect(data.map((s) => s.name)).toEqual(['AU mobile', 'Fallback']);
	expect(t.requests()[0].path).toBe('/admin_api/v1/campaigns/1/streams');
	const limited = await t.run('getMany', { campaignId: byId(1), returnAll: false, limit: 1 });
	expect(limited.data).toHaveLength(1);
});

test('archive and restore round-trip through Keitaro’s archive', async () => {
	const archived = await t.run('archive', { streamId: byId(1) });
	expect(archived.data).toMatchObject({ id: 1, state: 'deleted' });
	const listed = await t.run('getMany', { campaignId: byId(1), returnAll: true });
	expect(listed.data).toEqual([]);
	const inArchive = await t.run('getDeleted', { returnAll: true });
	expect(inArchive.data.map((s) => s.id)).toEqual([1]);
	await t.run('restore', { streamId: byId(1) });
	expect(stream(1).state).toBe('active');
	expect(t.requests('POST').map((r) => r.path)).toEqual(['/admin_api/v1/streams/1/restore']);
});

test('disable and enable switch the stream’s state', async () => {
	await t.run('disable', { streamId: byId(1) });
	expect(stream(1).state).toBe('disabled');
	await t.run('enable', { streamId: byId(1) });
	expect(stream(1).state).toBe('active');
});

test('search finds streams of all campaigns; an empty text is refused before sending', async () => {
	addStream(t.sim.state, { campaign_id: 2, name: 'AU desktop' });
	const { data } = await t.run('search', { query: 'au ', returnAll: true });
	expect(data.map((s) => s.name)).toEqual(['AU mobile', 'AU desktop']);
	expect(t.requests()[0].query).toBe('?query=au');
	const { error } = await t.run('search', { query: ' ', returnAll: true });
	expect(error?.context?.code).toBe('INVALID_INPUT');
	expect(t.requests()).toHaveLength(1);
});

test('getEvents lists what Keitaro recorded for the stream', async () => {
	const { data } = await t.run('getEvents', { streamId: byId(1) });
	expect(data).toEqual([expect.objectContaining({ stream_id: 1, message: 'Stream created' })]);
});

test('the catalogues: stream types, schemas and action types', async () => {
	const types = await t.run('getTypes');
	expect(types.data.map((x) => x.key)).toEqual(['forced', 'regular', 'default']);
	const schemas = await t.run('getSchemas');
	expect(schemas.data.map((x) => x.key)).toEqual(['landings', 'redirect', 'action']);
	const actions = await t.run('getActionTypes');
	expect(actions.data.map((x) => x.key)).toContain('http');
	expect(t.requests().map((r) => r.path)).toEqual([
		'/admin_api/v1/stream_types',
		'/admin_api/v1/stream_schemas',
		'/admin_api/v1/streams_actions',
	]);
});

describe('lists in the editor', () => {
	type Found = { results: Array<{ name: string; value: string }> };

	test('the Stream list holds the chosen campaign’s streams, or searches all campaigns by text', async () => {
		addStream(t.sim.state, { campaign_id: 2, name: 'DE mobile' });
		const ofCampaign = (await t.method('listSearch', 'searchStreams', {
			campaignId: byId(2),
		})) as Found;
		expect(ofCampaign.results.map((r) => r.name)).toEqual(['DE mobile (#2)']);
		const searched = (await t.method('listSearch', 'searchStreams', {}, 'mobile')) as Found;
		expect(searched.results.map((r) => r.value)).toEqual(['1', '2']);
		expect(t.requests().at(-1)!.path).toBe('/admin_api/v1/streams/search');
		const nothing = (await t.method('listSearch', 'searchStreams', {})) as Found;
		expect(nothing.results).toEqual([]);
	});

	test('action types, filter types, offers and landing pages load from Keitaro', async () => {
		const actions = (await t.method('loadOptions', 'getStreamActionTypes')) as Array<{
			value: string;
		}>;
		expect(actions.map((a) => a.value)).toContain('show_html');
		const filters = (await t.method('loadOptions', 'getStreamFilterTypes')) as Array<{
			value: string;
		}>;
		expect(filters.map((f) => f.value)).toEqual(expect.arrayContaining(['country', 'keyword']));
		expect(await t.method('loadOptions', 'getOffers')).toEqual([
			{ name: 'Keto Max (payout from postback) (#1)', value: 1 },
			{ name: 'Loan Pro (fixed payout) (#2)', value: 2 },
		]);
		expect(await t.method('loadOptions', 'getLandings')).toEqual([
			{ name: 'Keto quiz (#1)', value: 1 },
		]);
	});
});

test('every stream operation ran in this file', () => t.expectEveryOperationRan());
