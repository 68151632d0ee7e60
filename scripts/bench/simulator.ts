/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * The benchmarks' Keitaro: the test simulator in its own process (so its CPU is not the client's),
 * with `--latency-ms` on every answer and the data one scenario needs:
 *   tsx scripts/bench/simulator.ts --scenario S1 --size 10000 --latency-ms 20 [--capacity 48 --queue-ms 200]
 * Prints one JSON line {url, apiKey, postbackKey} when ready; stops on SIGTERM.
 */
import {
	addCampaign,
	addClick,
	addConversion,
	addOffer,
	KeitaroSimulator,
} from '../../test/simulator';
import { runGrid } from '../../test/simulator/grid';
import { conversionGrid } from '../../test/simulator/model';
import { adminRoutes } from '../../test/simulator/routes';
import type { Conversion } from '../../test/simulator/state';

export type Scenario = 'S1' | 'S2' | 'S3' | 'S4';

/** click `i` (0-based) has sub_id `click-i` and one lead conversion `i + 1` with tid `order-i` */
export const clickId = (i: number) => `click-${i}`;

/** Keitaro runs a conversions-log query once and pages through its result; so does this Keitaro for S2. */
function pageFromOneQuery(): void {
	const route = adminRoutes.find((r) => r.method === 'POST' && r.path === '/conversions/log')!;
	let last: { key: string; selected: Conversion[] } | undefined;
	route.handle = ({ state, body, now }) => {
		const { offset, limit, ...query } = body as Record<string, unknown>;
		const key = JSON.stringify(query);
		const grid = conversionGrid(state);
		if (last?.key !== key) {
			const byId = new Map(state.conversions.map((c) => [c.conversion_id, c]));
			const columns = [...((query.columns as string[] | undefined) ?? []), 'conversion_id'];
			const ids = runGrid(state.conversions, grid, { ...query, columns }, now);
			last = { key, selected: ids.rows.map((row) => byId.get(Number(row.conversion_id))!) };
		}
		return runGrid(last.selected, grid, { columns: query.columns, offset, limit }, now);
	};
}

function arg(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : fallback;
}

async function main() {
	const scenario = arg('scenario', 'S1') as Scenario;
	const size = Number(arg('size', '10000'));
	if (scenario === 'S2') pageFromOneQuery();
	const capacity = Number(arg('capacity', '0'));
	const sim = new KeitaroSimulator({
		latencyMs: Number(arg('latency-ms', '0')),
		postbackDelayMs: 20,
		capacity: capacity ? { slots: capacity, queueMs: Number(arg('queue-ms', '200')) } : undefined,
	});
	addCampaign(sim.state, { id: 1 });
	addOffer(sim.state, { id: 1, payout_auto: true, payout_value: 10 });
	const at = '2026-11-20 10:00:00';
	for (let i = 0; i < size; i++) {
		addClick(sim.state, { sub_id: clickId(i), campaign_id: 1, offer_id: 1, datetime: at });
		addConversion(sim.state, {
			sub_id: clickId(i),
			tid: `order-${i}`,
			status: 'lead',
			revenue: 0,
			postback_datetime: `2026-11-20 ${String(10 + (Math.floor(i / 3600) % 14)).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
		});
	}
	const url = await sim.start(0);
	console.log(
		JSON.stringify({ url, apiKey: Object.keys(sim.apiKeys)[0], postbackKey: sim.postbackKey }),
	);
	process.on('SIGTERM', () => void sim.stop().then(() => process.exit(0)));
}

if (require.main === module) void main();
