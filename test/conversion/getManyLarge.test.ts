/**
 * Get Many with Return All (one item per conversion) over more conversions than one JavaScript call can take
 * as arguments: every conversion comes out as its own item. Keitaro's pages are scripted answers,
 * so the test costs the node's work, not the simulator's sorting of 150,000 rows.
 */
import { type KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.stop());

test('150,000 conversions come out as 150,000 items', async () => {
	const total = 150_000;
	const page = JSON.stringify({
		rows: Array.from({ length: 1000 }, (_, n) => ({
			conversion_id: String(n + 1),
			status: 'sale',
		})),
		total,
	});
	for (let n = 0; n < total / 1000; n++)
		sim.scriptAnswer({ pathIncludes: '/conversions/log', status: 200, body: page });

	const { items, error } = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'getMany',
		dateRange: 'allTime',
		returnAll: true,
		columns: ['conversion_id', 'status'],
	});

	expect(error).toBeUndefined();
	expect(items).toHaveLength(total);
	expect(items[total - 1]).toMatchObject({ json: { conversion_id: 1000, status: 'sale' } });
	expect(sim.requestsTo('/admin_api/v1/conversions/log')).toHaveLength(total / 1000);
});
