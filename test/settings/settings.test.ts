import type { KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	sim.state.integrations = { avscan_key: 'av-old', imklo_api_url: 'https://imklo.example/v1' };
});
afterEach(async () => sim.stop());

const settings = (operation: string, extra: object) => ({
	resource: 'settings',
	operation,
	...extra,
});

test('Get reads each integration setting', async () => {
	const avscan = await runKeitaro(sim, settings('get', { setting: 'avscan' }));
	expect(avscan.items[0].json).toEqual({ setting: 'avscan', avscan_key: 'av-old' });
	const imklo = await runKeitaro(sim, settings('get', { setting: 'imklo' }));
	expect(imklo.items[0].json).toEqual({
		setting: 'imklo',
		imklo_api_url: 'https://imklo.example/v1',
	});
	expect(sim.requests.map((r) => r.path)).toEqual([
		'/admin_api/v1/integrations/avscan',
		'/admin_api/v1/integrations/imklo',
	]);
});

test('Update sends the value as Keitaro’s query parameter and Keitaro keeps it', async () => {
	const { error } = await runKeitaro(
		sim,
		settings('update', { setting: 'avscan', avscanKey: 'av-new' }),
	);
	expect(error).toBeUndefined();
	expect(sim.requests[0]).toMatchObject({ method: 'PUT', query: '?avscan_key=av-new' });
	expect(sim.state.integrations.avscan_key).toBe('av-new');
	await runKeitaro(
		sim,
		settings('update', { setting: 'imklo', imkloApiUrl: 'https://imklo.example/v2' }),
	);
	expect(sim.state.integrations.imklo_api_url).toBe('https://imklo.example/v2');
});

test.each([
	[{ setting: 'avscan', avscanKey: ' ' }, 'AVScan Key is empty'],
	[
		{ setting: 'imklo', imkloApiUrl: 'imklo.example' },
		'IMKLO API URL "imklo.example" is not a web address',
	],
])('bad input %j stops before any request', async (extra, message) => {
	const { error } = await runKeitaro(sim, settings('update', extra));
	expect(error?.message).toBe(message);
	expect(sim.requests).toHaveLength(0);
});
