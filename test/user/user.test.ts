import { addUser, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addUser(sim.state, { login: 'admin', type: 'ADMIN' });
	addUser(sim.state, {
		login: 'buyer1',
		access_data: {
			campaigns_access_type: 'read_only',
			offers_access_type: 'full_access',
			resources: ['campaigns'],
			reports: ['campaigns'],
		},
	});
});
afterEach(async () => sim.stop());

const user = (operation: string, extra: object = {}) => ({ resource: 'user', operation, ...extra });
const PASSWORD = 'n3w-Passw0rd!';

test('Get Many lists the users (Limit cuts the list); Get reads one; never a password', async () => {
	const many = await runKeitaro(sim, user('getMany', { returnAll: false, limit: 1 }));
	expect(jsonOf(many.items)).toEqual([
		expect.objectContaining({ id: 1, login: 'admin', type: 'ADMIN' }),
	]);
	const one = await runKeitaro(sim, user('get', { userId: 2 }));
	expect(one.items[0].json).toMatchObject({ id: 2, login: 'buyer1', type: 'USER' });
	expect(JSON.stringify([many.items, one.items])).not.toContain('password');
});

test('Create sends login, password twice and preferences; the password stays out of the output', async () => {
	const { items, error } = await runKeitaro(
		sim,
		user('create', {
			login: 'buyer2',
			password: PASSWORD,
			type: 'USER',
			additionalFields: { language: 'ru', timezone: 'Europe/Moscow' },
		}),
	);
	expect(error).toBeUndefined();
	expect(JSON.parse(sim.requests[0].body)).toEqual({
		login: 'buyer2',
		new_password: PASSWORD,
		new_password_confirmation: PASSWORD,
		type: 'USER',
		preferences: { language: 'ru', timezone: 'Europe/Moscow' },
	});
	expect(sim.state.users[2]).toMatchObject({ id: 3, login: 'buyer2', password: PASSWORD });
	expect(items[0].json).toMatchObject({ id: 3, login: 'buyer2' });
	expect(JSON.stringify(items)).not.toContain(PASSWORD);
});

test('Keitaro’s field errors are shown as such', async () => {
	const { error } = await runKeitaro(
		sim,
		user('create', { login: 'buyer1', password: 'x', type: 'USER' }),
	);
	expect(error?.message).toBe('Keitaro rejected the data (406): login: Login is already taken');
	expect(sim.state.users).toHaveLength(2);
});

test('Update sends only the fields given', async () => {
	const { error } = await runKeitaro(
		sim,
		user('update', { userId: 2, updateFields: { timezone: 'Asia/Tokyo', type: 'ADMIN' } }),
	);
	expect(error).toBeUndefined();
	expect(JSON.parse(sim.requests[0].body)).toEqual({
		type: 'ADMIN',
		preferences: { timezone: 'Asia/Tokyo' },
	});
	expect(sim.state.users[1]).toMatchObject({
		login: 'buyer1',
		type: 'ADMIN',
		preferences: { language: 'en', timezone: 'Asia/Tokyo' },
	});
});

test('Update Access changes the kinds given and keeps the rest', async () => {
	const { items, error } = await runKeitaro(
		sim,
		user('updateAccess', {
			userId: 2,
			access: { campaigns: 'to_groups_and_selected', flows: 'full_access' },
			additionalFields: { reports: 'campaigns, conversions' },
		}),
	);
	expect(error).toBeUndefined();
	expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
		'GET /admin_api/v1/users/2',
		'PUT /admin_api/v1/users/2/access',
	]);
	expect(sim.state.users[1].access_data).toEqual({
		campaigns_access_type: 'to_groups_and_selected',
		offers_access_type: 'full_access',
		streams_access_type: 'full_access',
		resources: ['campaigns'],
		reports: ['campaigns', 'conversions'],
	});
	expect(items[0].json).toMatchObject({
		id: 2,
		access_data: { streams_access_type: 'full_access' },
	});
});

test('Delete removes the user', async () => {
	const { items, error } = await runKeitaro(sim, user('delete', { userId: 2 }));
	expect(error).toBeUndefined();
	expect(sim.state.users.map((u) => u.login)).toEqual(['admin']);
	expect(jsonOf(items)).toEqual([{ id: 2, deleted: true }]);
	const again = await runKeitaro(sim, user('delete', { userId: 2 }));
	expect(again.error?.message).toBe(
		'Not found in Keitaro (404): Traffic\\Model\\User #2 not found',
	);
});

test.each([
	['get', { userId: 0 }, 'User ID is empty'],
	['update', { userId: 2, updateFields: {} }, 'Nothing to update'],
	[
		'update',
		{ userId: 2, updateFields: { timezone: 'Mars/Olympus' } },
		'Time Zone "Mars/Olympus" is not a known time zone',
	],
	['create', { login: ' ', password: PASSWORD, type: 'USER' }, 'Login is empty'],
	['updateAccess', { userId: 2 }, 'Nothing to change'],
])('%s with bad input (%j) stops before any request', async (operation, extra, message) => {
	const { error } = await runKeitaro(sim, user(operation, extra));
	expect(error?.message).toBe(message);
	expect(sim.requests).toHaveLength(0);
});
