import { addGroup } from '../simulator';
import { fileEditorTests } from '../support/fileEditor';
import { bodyOf, byId, trafficSuite } from '../support/traffic';

const t = trafficSuite('landing');
const landing = (id: number) => t.sim.state.landings.find((l) => l.id === id)!;

describe('create', () => {
	test('an external landing page with its URL, group (sent as a string) and notes', async () => {
		const group = addGroup(t.sim.state, { name: 'Quizzes', type: 'landings' });
		const { data, error } = await t.run('create', {
			name: 'Keto quiz B',
			additionalFields: {
				landingType: 'external',
				actionType: 'http',
				url: 'https://lp.example.com/b?sub={subid}',
				groupId: group.id,
				notes: 'variant B',
			},
		});
		expect(error).toBeUndefined();
		expect(bodyOf(t.requests('POST')[0])).toEqual({
			name: 'Keto quiz B',
			landing_type: 'external',
			action_type: 'http',
			url: 'https://lp.example.com/b?sub={subid}',
			group_id: String(group.id),
			notes: 'variant B',
		});
		expect(landing(data.id as number)).toMatchObject({
			name: 'Keto quiz B',
			landing_type: 'external',
			action_payload: 'https://lp.example.com/b?sub={subid}',
			group_id: group.id,
			state: 'active',
		});
	});

	test('a group of campaigns is Keitaro’s 406 naming group_id, and nothing is created', async () => {
		const before = t.sim.state.landings.length;
		const { error } = await t.run('create', {
			name: 'Wrong group',
			additionalFields: { groupId: 1 },
		});
		expect(error?.httpCode).toBe('406');
		expect(error?.message).toContain('group_id: Group #1 is not a group of landings');
		expect(t.sim.state.landings).toHaveLength(before);
	});
});

test('get reads one landing page; an unknown one is Keitaro’s 404', async () => {
	const { data } = await t.run('get', { landingId: byId(1), options: { simplify: true } });
	expect(data).toEqual({
		id: 1,
		name: 'Keto quiz',
		state: 'active',
		landing_type: 'local',
		action_type: 'local_file',
		action_payload: '',
		group_id: 0,
	});
	const { error } = await t.run('get', { landingId: byId(9) });
	expect(error?.message).toBe('Not found in Keitaro (404): Traffic\\Model\\Landing #9 not found');
});

test('getMany lists the landing pages', async () => {
	const { data } = await t.run('getMany', { returnAll: true });
	expect(data.map((l) => l.name)).toEqual(['Keto quiz']);
});

test('update sends only the fields that were set', async () => {
	await t.run('update', { landingId: byId(1), updateFields: { name: 'Keto quiz v2' } });
	expect(bodyOf(t.requests('PUT')[0])).toEqual({ name: 'Keto quiz v2' });
	expect(landing(1)).toMatchObject({ name: 'Keto quiz v2', landing_type: 'local' });
});

test('archive and restore round-trip (restore writes the state back to active)', async () => {
	const archived = await t.run('archive', { landingId: byId(1) });
	expect(archived.data).toMatchObject({ id: 1, state: 'deleted' });
	expect((await t.run('getMany', { returnAll: true })).data).toEqual([]);
	const restored = await t.run('restore', { landingId: byId(1) });
	expect(t.requests('PUT').map((r) => [r.path, bodyOf(r)])).toEqual([
		['/admin_api/v1/landing_pages/1', { state: 'active' }],
	]);
	expect(restored.data).toMatchObject({ id: 1, state: 'active' });
	expect((await t.run('getMany', { returnAll: true })).data.map((l) => l.id)).toEqual([1]);
});

test('clone copies the landing page and its files, with PUT', async () => {
	const { data } = await t.run('clone', { landingId: byId(1) });
	expect(t.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
		'PUT /admin_api/v1/landing_pages/1/clone',
	]);
	expect(landing(data.id as number).name).toBe('Keto quiz (copy)');
	expect([...t.sim.state.files.get(`/landing_pages/${data.id}`)!.keys()]).toEqual([
		'index.html',
		'order/success.html',
	]);
});

fileEditorTests(t, { locator: 'landingId', id: 1, base: '/landing_pages' });

test('the Landing Page list searches by name; the Group list holds landing-page groups', async () => {
	addGroup(t.sim.state, { name: 'Quizzes', type: 'landings' });
	const found = (await t.method('listSearch', 'searchLandings', {}, 'QUIZ')) as {
		results: unknown[];
	};
	expect(found.results).toEqual([{ name: 'Keto quiz (#1)', value: '1' }]);
	expect(await t.method('loadOptions', 'getGroups')).toEqual([
		{ name: 'Quizzes', value: expect.any(Number) },
	]);
});

test('every landing page operation ran in this file', () => t.expectEveryOperationRan());
