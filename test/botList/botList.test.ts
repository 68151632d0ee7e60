import type { KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	sim.state.botList = ['1.1.1.1', '2.2.2.0/24'];
});
afterEach(async () => sim.stop());

// Blacklist and Bot are the seed node's two names for Keitaro's one bot list
describe.each(['blacklist', 'bot'])('%s', (resource) => {
	const run = (operation: string, extra: object = {}) =>
		runKeitaro(sim, { resource, operation, ...extra });

	test('Get List outputs one item per entry', async () => {
		const { items } = await run('get');
		expect(jsonOf(items)).toEqual([{ ip: '1.1.1.1' }, { ip: '2.2.2.0/24' }]);
	});

	test('Add IPs and Remove IPs change the list', async () => {
		const added = await run('add', { ips: '3.3.3.3, 4.4.4.1-4.4.4.9\n2001:db8::/32\n3.3.3.3' });
		expect(added.error).toBeUndefined();
		expect(JSON.parse(sim.requests[0].body)).toEqual({
			value: '3.3.3.3\n4.4.4.1-4.4.4.9\n2001:db8::/32',
		});
		expect(sim.state.botList).toEqual([
			'1.1.1.1',
			'2.2.2.0/24',
			'3.3.3.3',
			'4.4.4.1-4.4.4.9',
			'2001:db8::/32',
		]);
		expect(added.items[0].json).toEqual({
			ips: ['3.3.3.3', '4.4.4.1-4.4.4.9', '2001:db8::/32'],
			sent: 3,
			keitaro_answer: { count: 5 },
		});
		const removed = await run('remove', { ips: '1.1.1.1' });
		expect(removed.error).toBeUndefined();
		expect(sim.requests[1].path).toBe('/admin_api/v1/botlist/exclude');
		expect(sim.state.botList).toEqual([
			'2.2.2.0/24',
			'3.3.3.3',
			'4.4.4.1-4.4.4.9',
			'2001:db8::/32',
		]);
	});

	test('Replace List makes the list exactly the IPs given', async () => {
		await run('replace', { ips: '9.9.9.9' });
		expect(sim.requests[0].method).toBe('PUT');
		expect(sim.state.botList).toEqual(['9.9.9.9']);
	});

	test('Clear List needs Confirm Deletion', async () => {
		const refused = await run('clear');
		expect(refused.error?.message).toBe(
			'Confirm Deletion is off: the node did not remove every IP from the bot list',
		);
		expect(sim.requests).toHaveLength(0);
		expect(sim.state.botList).toHaveLength(2);
		const cleared = await run('clear', { confirmDeletion: true });
		expect(cleared.error).toBeUndefined();
		expect(sim.requests[0]).toMatchObject({ method: 'DELETE', path: '/admin_api/v1/botlist' });
		expect(sim.state.botList).toEqual([]);
	});

	test.each([
		['add', '1.2.3', 'IPs: "1.2.3" is not an IP address, network or range'],
		['replace', '  \n ', 'IPs is empty'],
		['remove', '10.0.0.0/33', 'IPs: "10.0.0.0/33" is not an IP address, network or range'],
	])('%s with %j stops before any request', async (operation, ips, message) => {
		const { error } = await run(operation, { ips });
		expect(error?.message).toBe(message);
		expect(sim.requests).toHaveLength(0);
	});
});
