/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm run bench`: every scenario side by side in one run, against the Keitaro simulator with
 * latency added to every answer. Each variant runs in a fresh client process against a fresh
 * simulator process, so memory is its own and Keitaro's data starts the same.
 *
 *   npm run bench                          # S1 at 20 and 100 ms, S2–S3 at 2 and 20 ms, full sizes
 *   npm run bench -- --quick               # a tenth of the sizes, 0 and 2 ms (a minute or two)
 *   npm run bench -- --only S1 --latency 0,2 --repeat 3
 *   npm run bench -- --only S1 --tracker capacity --capacity 48 --queue-ms 200
 *   npm run bench -- --only S1 --batches 16/1 --paced-batches 10/50   # HTTP Request node batchings
 *                                          (items/ms; the paced ones against the capacity tracker only)
 *   npm run bench -- --only S2 --dist /tmp/dist-before   # another build of the package
 *   npm run bench -- --only S1 --profile .tmp/profiles   # a CPU profile of each measured run
 *   npm run bench -- --only S1 --variants 'helper|adaptive'  # labels containing one of these
 *
 * S1 runs against two trackers: "unlimited" (every request served at once) and "capacity" (at
 * most --capacity at once, the rest queued up to --queue-ms, then 503; see the simulator's
 * CapacityConfig). Prints a table per scenario, tracker and latency (ratios to the scenario's
 * baseline) and writes every measurement to .tmp/bench-results.json. No thresholds: the figures
 * go to BENCHMARKS.md.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import os from 'node:os';
import { join, resolve } from 'node:path';

import type { Measurement, Variant } from './client';
import type { Scenario } from './simulator';
import type { Settings, Tracker } from './variants';

function arg(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const scale = Number(arg('scale') ?? (quick ? 10 : 1));
const latencyArg = arg('latency')?.split(',').map(Number);
/** S1 is about a tracker near (20 ms) and across the internet (100 ms); the others about paging */
const latenciesOf = (scenario: Scenario) =>
	latencyArg ?? (quick ? [0, 2] : scenario === 'S1' ? [20, 100] : [2, 20]);
const only = arg('only')?.split(',');
const repeat = Number(arg('repeat') ?? 1);
const concurrency = Number(arg('concurrency') ?? 256); // the node's Max Concurrency for postbacks
const capacity = Number(arg('capacity') ?? 48);
const queueMs = Number(arg('queue-ms') ?? 200);
const trackers = (arg('tracker') ?? 'unlimited,capacity').split(',') as TrackerKind[];
/** HTTP Request node batchings, items per batch / ms between batches */
const batchList = (list: string) =>
	list
		.split(',')
		.filter(Boolean)
		.map((b) => {
			const [size, intervalMs] = b.split('/').map(Number);
			return { size, intervalMs };
		});
/** the fastest batchings, as before: the node fires batch after batch without waiting for answers */
const batches = batchList(arg('batches') ?? '16/1,50/10,200/10');
/** slower ones, against the tracker with a capacity only: the fastest that loses no row is near its edge */
const pacedBatches = batchList(arg('paced-batches') ?? '15/50,18/50,20/50');
const profileDir = arg('profile');
/** only the variants whose label contains one of these (case-insensitive) */
const variantFilter = arg('variants')?.toLowerCase().split('|');
const distDir = arg('dist');
if (distDir) process.env.BENCH_DIST = resolve(distDir);
const SIZES: Record<Scenario, number> = { S1: 10_000, S2: 100_000, S3: 10_000, S4: 10_000 };

type TrackerKind = 'unlimited' | 'capacity';

interface Plan {
	scenario: Scenario;
	variant: Variant;
	label: string;
	settings: Settings;
	/** the variant this one is compared with */
	baseline?: true;
	/** run against this tracker only (S1) */
	tracker?: TrackerKind;
}

function plans(): Plan[] {
	const size = (scenario: Scenario) => SIZES[scenario] / scale;
	const plan = (
		scenario: Scenario,
		variant: Variant,
		extra: Partial<Omit<Plan, 'settings'>> & { settings?: Partial<Settings> } = {},
	): Plan => ({
		scenario,
		variant,
		label: variant.slice(3),
		...extra,
		settings: { size: size(scenario), concurrency, ...extra.settings },
	});
	const all: Plan[] = [
		plan('S1', 'S1 plain keep-alive', { label: 'plain keep-alive loop, adaptive (no n8n)' }),
		plan('S1', 'S1 n8n request helper', { label: 'n8n request helper, adaptive' }),
		plan('S1', 'S1 Keitaro, Confirm off', { label: 'Keitaro, adaptive, Confirm off' }),
		plan('S1', 'S1 Keitaro, Confirm on', { label: 'Keitaro, adaptive, Confirm on' }),
		plan('S1', 'S1 Keitaro, Confirm off', {
			label: 'Keitaro, fixed 16, Confirm off',
			settings: { concurrency: 16, adaptive: false },
		}),
		plan('S1', 'S1 Keitaro, Confirm on', {
			label: 'Keitaro, fixed 16, Confirm on',
			settings: { concurrency: 16, adaptive: false },
		}),
		plan('S1', 'S1 HTTP Request node', {
			label: 'HTTP Request node, default (no batching)',
			baseline: true,
		}),
		...[...batches, ...pacedBatches].map((batch) =>
			plan('S1', 'S1 HTTP Request node', {
				label: `HTTP Request node, batches of ${batch.size} every ${batch.intervalMs} ms`,
				settings: { batch },
				tracker: pacedBatches.includes(batch) ? 'capacity' : undefined,
			}),
		),
		plan('S2', 'S2 plain paging', { baseline: true }),
		plan('S2', 'S2 Keitaro'),
		plan('S2', 'S2 Keitaro, Include Request Details'),
		plan('S2', 'S2 Keitaro, CSV File per Page'),
		plan('S3', 'S3 plain look-ups', { baseline: true }),
		plan('S3', 'S3 Keitaro import'),
		plan('S4', 'S1 plain keep-alive', { baseline: true, settings: { concurrency: 16 } }),
		plan('S4', 'S1 n8n request helper', { settings: { concurrency: 16 } }),
		plan('S4', 'S1 Keitaro, Confirm off', { settings: { concurrency: 16 } }),
		plan('S4', 'S4 No Operation node'),
	];
	return all.filter(
		(p) =>
			(!only || only.includes(p.scenario)) &&
			(!variantFilter || variantFilter.some((v) => p.label.toLowerCase().includes(v))),
	);
}

const ROOT = join(__dirname, '..', '..');

/** Starts a process and resolves with its first stdout line that parses as JSON. */
function startProcess(args: string[]) {
	const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
	const firstJson = new Promise<unknown>((resolve, reject) => {
		createInterface({ input: child.stdout! }).on('line', (line) => {
			if (line.startsWith('{')) resolve(JSON.parse(line));
		});
		child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
	});
	return { child, firstJson };
}

type Result = Measurement & {
	loadBefore: number;
	loadAfter: number;
	heapLivePeakGrowthMb?: number;
};

async function measure(
	plan: Plan,
	latencyMs: number,
	tracker: TrackerKind,
	liveHeap = false,
	profile?: string,
): Promise<Result> {
	// S4 is the node's own cost: no latency at all
	const latency = plan.scenario === 'S4' ? 0 : latencyMs;
	const simulator = startProcess([
		'--import',
		'tsx',
		'scripts/bench/simulator.ts',
		'--scenario',
		plan.scenario,
		'--size',
		String(plan.settings.size),
		'--latency-ms',
		String(latency),
		...(tracker === 'capacity'
			? ['--capacity', String(capacity), '--queue-ms', String(queueMs)]
			: []),
	]);
	try {
		const trackerUrl = (await simulator.firstJson) as Tracker;
		const loadBefore = os.loadavg()[0];
		const client = startProcess([
			'--expose-gc',
			'--max-old-space-size=8192',
			'--import',
			'tsx',
			'scripts/bench/client.ts',
			JSON.stringify({
				variant: plan.variant,
				tracker: trackerUrl,
				settings: plan.settings,
				liveHeap,
				profile,
			}),
		]);
		const result = (await client.firstJson) as Measurement;
		return { ...result, loadBefore, loadAfter: os.loadavg()[0] };
	} finally {
		simulator.child.kill('SIGTERM');
	}
}

const median = <T>(list: T[], by: (x: T) => number) =>
	[...list].sort((a, b) => by(a) - by(b))[Math.floor(list.length / 2)];

/** S1 is about speed without losses; the others about memory. */
function table(scenario: Scenario, rows: Array<{ plan: Plan; m: Result }>): string {
	const base = rows.find((r) => r.plan.baseline)?.m;
	const ratio = (m: Result) => (base ? `${(m.ms / base.ms).toFixed(2)}×` : '');
	const load = (m: Result) => `${m.loadBefore.toFixed(2)}→${m.loadAfter.toFixed(2)}`;
	const columns: Array<[string, (m: Result, plan: Plan) => string | number]> =
		scenario === 'S1'
			? [
					['variant', (_, plan) => plan.label],
					['time ms', (m) => m.ms],
					['vs HTTP Request node default', ratio],
					['CPU ms', (m) => m.cpuMs],
					['requests', (m) => m.requests],
					['429', (m) => m.status429],
					['5xx', (m) => m.status5xx],
					['peak in flight', (m) => m.peakInFlight],
					['rows not applied', (m) => m.notApplied],
					['items failed', (m) => m.failedItems],
					['peak RSS MB', (m) => m.peakRssMb],
					['load 1 min', load],
					['check', (m) => m.check],
				]
			: [
					['variant', (_, plan) => plan.label],
					['time ms', (m) => m.ms],
					['ratio', ratio],
					['CPU ms', (m) => m.cpuMs],
					['requests', (m) => `${m.requests} (${m.postbacks} postbacks)`],
					['req/s', (m) => Math.round(m.requests / (m.ms / 1000))],
					['credential reads', (m) => m.credentialReads],
					['peak RSS MB', (m) => m.peakRssMb],
					['RSS growth MB', (m) => m.rssGrowthMb],
					['heap peak growth MB', (m) => m.heapPeakGrowthMb],
					['live heap peak growth MB', (m) => m.heapLivePeakGrowthMb ?? ''],
					['heap retained MB', (m) => m.heapRetainedMb],
					['load 1 min', load],
					['check', (m) => m.check],
				];
	const line = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
	return [
		line(columns.map(([name]) => name)),
		line(columns.map(() => '---')),
		...rows.map(({ plan, m }) => line(columns.map(([, cell]) => cell(m, plan)))),
	].join('\n');
}

async function main() {
	const started = new Date();
	const results: Array<{
		latencyMs: number;
		tracker: TrackerKind;
		scenario: Scenario;
		plan: Plan;
		m: Result;
	}> = [];
	console.log(
		`# bench ${started.toISOString()}${distDir ? ` — package from ${distDir}` : ''} — node ${process.version}, ${os.cpus().length}× ${os.cpus()[0]?.model}, load ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(
				' ',
			)}; max concurrency ${concurrency}, tracker capacity ${capacity} (queue ${queueMs} ms), repeat ${repeat}${quick ? ', quick (sizes / 10)' : ''}`,
	);
	const all = plans();
	const scenarios = [...new Set(all.map((p) => p.scenario))];
	if (profileDir) mkdirSync(profileDir, { recursive: true });
	for (const scenario of scenarios) {
		const kinds: TrackerKind[] = scenario === 'S1' ? trackers : ['unlimited'];
		for (const tracker of kinds)
			for (const latencyMs of scenario === 'S4' ? [0] : latenciesOf(scenario)) {
				const rows: Array<{ plan: Plan; m: Result }> = [];
				const plansHere = all.filter(
					(p) => p.scenario === scenario && (!p.tracker || p.tracker === tracker),
				);
				for (const [n, plan] of plansHere.entries()) {
					const profile = profileDir
						? resolve(profileDir, `${scenario}-${tracker}-${latencyMs}ms-${n}.cpuprofile`)
						: undefined;
					const runs = [];
					for (let k = 0; k < repeat; k++)
						runs.push(await measure(plan, latencyMs, tracker, false, profile));
					const m = median(runs, (r) => r.ms);
					// S2 is about memory: a second run samples the live heap (a full GC every 20 ms)
					if (scenario === 'S2')
						m.heapLivePeakGrowthMb = (
							await measure(plan, latencyMs, tracker, true)
						).heapPeakGrowthMb;
					rows.push({ plan, m });
					results.push({ latencyMs, tracker, scenario, plan, m });
					process.stderr.write(
						`  ${scenario} ${tracker} ${latencyMs} ms ${plan.label}: ${runs.map((r) => r.ms).join(', ')} ms, CPU ${m.cpuMs} ms — ${m.check}${m.notApplied ? `, ${m.notApplied} not applied` : ''}\n`,
					);
				}
				const where =
					scenario === 'S1'
						? `, ${tracker === 'capacity' ? `tracker with a capacity of ${capacity} (queue ${queueMs} ms, then 503)` : 'unlimited tracker'}`
						: '';
				console.log(
					`\n## ${scenario}${where}, ${scenario === 'S4' ? 'no latency' : `${latencyMs} ms latency`}, ${all.find((p) => p.scenario === scenario)!.settings.size} items\n`,
				);
				console.log(table(scenario, rows));
			}
	}
	mkdirSync(join(ROOT, '.tmp'), { recursive: true });
	writeFileSync(
		join(ROOT, '.tmp', 'bench-results.json'),
		JSON.stringify(
			{
				started,
				finished: new Date(),
				node: process.version,
				cpus: os.cpus().length,
				concurrency,
				capacity,
				queueMs,
				repeat,
				quick,
				results,
			},
			null,
			2,
		),
	);
	console.log(
		`\nfinished ${new Date().toISOString()}, load ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`,
	);
}

void main().catch((error) => {
	console.error(error);
	process.exit(1);
});
