import { bodyOf, byId, trafficSuite } from '../support/traffic';

const t = trafficSuite('filter');
const filters = () => t.sim.state.streams.find((s) => s.id === 1)!.filters;

test('getTypes lists Keitaro’s filter catalogue', async () => {
	const { data } = await t.run('getTypes');
	expect(data.map((f) => f.value)).toEqual(
		expect.arrayContaining(['country', 'device_type', 'ip']),
	);
	expect(t.requests()[0].path).toBe('/admin_api/v1/stream_filters');
});

test('getMany reads the filters of a stream', async () => {
	const { data } = await t.run('getMany', { streamId: byId(1) });
	expect(data).toEqual([
		{ id: expect.any(Number), stream_id: 1, name: 'country', mode: 'accept', payload: ['AU'] },
	]);
});

describe('upsert', () => {
	test('adds a filter and sends the stream’s other filters along', async () => {
		const country = filters()[0];
		const { data, error } = await t.run('upsert', {
			streamId: byId(1),
			name: 'device_type',
			mode: 'reject',
			payload: 'desktop\ntablet',
		});
		expect(error).toBeUndefined();
		expect(t.requests().map((r) => r.method)).toEqual(['GET', 'PUT']);
		expect(bodyOf(t.requests('PUT')[0])).toEqual({
			action_type: 'http',
			schema: 'landings',
			filters: [
				{ id: country.id, name: 'country', mode: 'accept', payload: ['AU'] },
				{ name: 'device_type', mode: 'reject', payload: ['desktop', 'tablet'] },
			],
		});
		expect(filters().map((f) => [f.name, f.mode, f.payload])).toEqual([
			['country', 'accept', ['AU']],
			['device_type', 'reject', ['desktop', 'tablet']],
		]);
		expect(data).toMatchObject({ stream_id: 1, name: 'device_type', mode: 'reject' });
	});

	test('changes the stream’s filter of that type in place', async () => {
		const id = filters()[0].id;
		await t.run('upsert', {
			streamId: byId(1),
			name: 'country',
			mode: 'accept',
			payload: 'AU, NZ',
		});
		expect(filters()).toEqual([
			{ id, stream_id: 1, name: 'country', mode: 'accept', payload: ['AU', 'NZ'] },
		]);
	});

	test('a filter type Keitaro does not know is its 406 naming filters', async () => {
		const { error } = await t.run('upsert', {
			streamId: byId(1),
			name: 'moon_phase',
			mode: 'accept',
			payload: 'full',
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('filters: Unknown filter "moon_phase"');
		expect(filters().map((f) => f.name)).toEqual(['country']);
	});

	test('an expression that gives no filter type is refused before anything is sent', async () => {
		const { error } = await t.run('upsert', {
			streamId: byId(1),
			name: '={{ " " }}',
			payload: 'x',
		});
		expect(error?.context?.code).toBe('INVALID_INPUT');
		expect(t.requests()).toHaveLength(0);
	});
});

describe('delete', () => {
	test('takes the filter off the stream', async () => {
		const { data } = await t.run('delete', { streamId: byId(1), name: 'country' });
		expect(bodyOf(t.requests('PUT')[0]).filters).toEqual([]);
		expect(filters()).toEqual([]);
		expect(data).toEqual({ stream_id: 1, name: 'country', deleted: true });
	});

	test('a filter the stream does not have is a not-found, and nothing is written', async () => {
		const { error } = await t.run('delete', { streamId: byId(1), name: 'keyword' });
		expect(error?.context?.code).toBe('NOT_FOUND');
		expect(error?.message).toBe('Stream 1 has no "keyword" filter');
		expect(t.requests('PUT')).toHaveLength(0);
	});

	test('an unknown stream is Keitaro’s 404', async () => {
		const { error } = await t.run('delete', { streamId: byId(42), name: 'country' });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toContain('Traffic\\Model\\Stream #42 not found');
	});
});

test('every filter operation ran in this file', () => t.expectEveryOperationRan());
