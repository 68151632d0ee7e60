import { addGroup } from '../simulator';
import { bodyOf, byId, fromList, trafficSuite } from '../support/traffic';

const t = trafficSuite('group');

test('create adds a group of the chosen type', async () => {
	const { data, error } = await t.run('create', { groupType: 'landings', name: 'Quizzes' });
	expect(error).toBeUndefined();
	expect(bodyOf(t.requests('POST')[0])).toEqual({ type: 'landings', name: 'Quizzes' });
	expect(t.sim.state.groups).toContainEqual({ ...data, type: 'landings', name: 'Quizzes' });
});

test('a name the type already has is Keitaro’s 406 naming the name field', async () => {
	const { error } = await t.run('create', { groupType: 'campaigns', name: 'Nutra' });
	expect(error?.httpCode).toBe('406');
	expect(error?.message).toContain('name: A group of campaigns named "Nutra" already exists');
	expect(t.sim.state.groups).toHaveLength(2);
});

test('getMany asks Keitaro for the chosen type (GET /groups needs one)', async () => {
	addGroup(t.sim.state, { name: 'Crypto', type: 'offers' });
	const { data } = await t.run('getMany', { groupType: 'offers', returnAll: true });
	expect(data.map((g) => g.name)).toEqual(['Finance', 'Crypto']);
	expect(t.requests()[0].query).toBe('?type=offers');
});

test('update renames the group and sends only the name', async () => {
	const { data } = await t.run('update', {
		groupType: 'campaigns',
		groupId: fromList(1),
		updateFields: { name: 'Nutra EU' },
	});
	expect(bodyOf(t.requests('PUT')[0])).toEqual({ name: 'Nutra EU' });
	expect(data).toEqual({ id: 1, name: 'Nutra EU', position: 0, type: 'campaigns' });
});

test('an unknown group is Keitaro’s 404', async () => {
	const { error } = await t.run('update', {
		groupId: byId(99),
		updateFields: { name: 'x' },
	});
	expect(error?.httpCode).toBe('404');
	expect(error?.message).toContain('Traffic\\Model\\Group #99 not found');
});

test('delete removes the group at /groups/{id}/delete; its campaigns stay, ungrouped', async () => {
	t.sim.state.campaigns[0].group_id = 1;
	const { data } = await t.run('delete', { groupType: 'campaigns', groupId: byId(1) });
	expect(t.requests('DELETE').map((r) => r.path)).toEqual(['/admin_api/v1/groups/1/delete']);
	expect(data).toMatchObject({ id: 1, name: 'Nutra' });
	expect(t.sim.state.groups.map((g) => g.id)).toEqual([2]);
	expect(t.sim.state.campaigns[0].group_id).toBe(0);
});

test('the Group list holds the groups of the chosen type', async () => {
	const found = (await t.method('listSearch', 'searchGroups', { groupType: 'offers' })) as {
		results: unknown[];
	};
	expect(found.results).toEqual([{ name: 'Finance (#2)', value: '2' }]);
});

test('every group operation ran in this file', () => t.expectEveryOperationRan());
