import { addClick, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addClick(sim.state, { sub_id: 'c1' });
	for (let n = 0; n < 1100; n++)
		sim.state.logs.system.push({
			datetime: '2026-03-01 10:00:00',
			jid: '',
			message: `warning ${n}`,
		});
});
afterEach(async () => sim.stop());

const log = (operation: string, extra: object = {}) => ({ resource: 'log', operation, ...extra });

test('Get Types lists the logs the tracker keeps, one item per log', async () => {
	const { items, error } = await runKeitaro(sim, log('getTypes'));
	expect(error).toBeUndefined();
	expect(jsonOf(items)).toEqual([
		{ type: 'system' },
		{ type: 'traffic' },
		{ type: 'postbacks' },
		{ type: 'ssl' },
		{ type: 'sent_postbacks' },
	]);
	expect(sim.requests[0]).toMatchObject({ method: 'POST', path: '/admin_api/v1/logs/types' });
});

test('Get Entries reads every page of a log with Return All, newest first', async () => {
	const { items, error } = await runKeitaro(
		sim,
		log('getEntries', { logType: 'system', returnAll: true }),
	);
	expect(error).toBeUndefined();
	const entries = jsonOf(items) as Array<{ message: string }>;
	expect(entries).toHaveLength(1100);
	expect(entries[0].message).toBe('warning 1099');
	expect(sim.requests.map((r) => r.query)).toEqual([
		'?offset=0&limit=1000',
		'?offset=1000&limit=1000',
	]);
});

test('the received-postbacks log is searched, and the postback key in its URLs is masked', async () => {
	await fetch(`${sim.url}/${sim.postbackKey}/postback?subid=c1&status=lead`);
	await fetch(`${sim.url}/${sim.postbackKey}/postback?subid=zz&status=lead`);
	await sim.idle();
	sim.requests.splice(0);
	const { items, error } = await runKeitaro(
		sim,
		log('getEntries', {
			logType: 'postbacks',
			search: 'c1',
			limit: 10,
		}),
	);
	expect(error).toBeUndefined();
	const messages = jsonOf(items).map((e) => e.message);
	expect(messages).toEqual([
		'Using "c1" as subid. Postback added to queue.',
		'Received postback /***/postback?subid=c1&status=lead',
	]);
	expect(sim.requests[0].query).toBe('?query=c1&offset=0&limit=10');
	expect(JSON.stringify(items)).not.toContain(sim.postbackKey);
});

test('Clear deletes the log only with Confirm Deletion', async () => {
	const refused = await runKeitaro(sim, log('clear', { logType: 'system' }));
	expect(refused.error?.message).toBe(
		'Confirm Deletion is off: the node did not delete every line of this log',
	);
	expect(sim.requests).toHaveLength(0);
	expect(sim.state.logs.system).toHaveLength(1100);

	const { items, error } = await runKeitaro(
		sim,
		log('clear', { logType: 'system', confirmDeletion: true }),
	);
	expect(error).toBeUndefined();
	expect(sim.requests[0]).toMatchObject({ method: 'DELETE', path: '/admin_api/v1/logs/system' });
	expect(sim.state.logs.system).toHaveLength(0);
	expect(jsonOf(items)).toEqual([expect.objectContaining({ log: 'system', cleared: true })]);
});
