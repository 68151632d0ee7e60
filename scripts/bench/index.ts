/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm run bench`: every scenario side by side in one run, against the Keitaro simulator with
 * latency added to every answer. Each variant runs in a fresh client process against a fresh
 * simulator process, so memory is its own and Keitaro's data starts the same.
 *
 *   npm run bench                          # S1–S4 at 2 ms and 20 ms, full sizes
 *   npm run bench -- --quick               # a tenth of the sizes, 0 and 2 ms (a minute or two)
 *   npm run bench -- --only S1 --latency 0,2 --concurrency 8 --repeat 3
 *   npm run bench -- --only S2 --dist /tmp/dist-before   # another build of the package
 *
 * Prints a table per scenario and latency (ratios to the scenario's plain loop) and writes every
 * measurement to .tmp/bench-results.json. No thresholds: the figures go to BENCHMARKS.md.
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
const scale = quick ? 10 : 1;
const latencies = (arg('latency') ?? (quick ? '0,2' : '2,20')).split(',').map(Number);
const only = arg('only')?.split(',');
const repeat = Number(arg('repeat') ?? 1);
const concurrency = Number(arg('concurrency') ?? 16); // the node's default for postbacks
const distDir = arg('dist');
if (distDir) process.env.BENCH_DIST = resolve(distDir);
const SIZES: Record<Scenario, number> = { S1: 10_000, S2: 100_000, S3: 10_000, S4: 10_000 };

interface Plan {
	scenario: Scenario;
	variant: Variant;
	label: string;
	settings: Settings;
	/** the variant this one is compared with */
	baseline?: true;
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
		plan('S1', 'S1 plain keep-alive', { baseline: true }),
		plan('S1', 'S1 plain no keep-alive'),
		plan('S1', 'S1 axios, new agent per request', {
			label: 'axios, a new agent per request (as n8n’s helper does)',
		}),
		plan('S1', 'S1 axios keep-alive'),
		plan('S1', 'S1 n8n request helper'),
		plan('S1', 'S1 Keitaro, Confirm off'),
		plan('S1', 'S1 Keitaro, Confirm on'),
		plan('S1', 'S1 HTTP Request node', { label: 'HTTP Request node, default (no batching)' }),
		...[
			{ size: concurrency, intervalMs: 1 },
			{ size: 50, intervalMs: 10 },
			{ size: 200, intervalMs: 10 },
		].map((batch) =>
			plan('S1', 'S1 HTTP Request node', {
				label: `HTTP Request node, batches of ${batch.size} every ${batch.intervalMs} ms`,
				settings: { batch },
			}),
		),
		plan('S2', 'S2 plain paging', { baseline: true }),
		plan('S2', 'S2 Keitaro'),
		plan('S2', 'S2 Keitaro, Include Request Details'),
		plan('S2', 'S2 Keitaro, CSV File per Page'),
		plan('S3', 'S3 plain look-ups', { baseline: true }),
		plan('S3', 'S3 Keitaro import'),
		plan('S4', 'S1 plain keep-alive', { baseline: true }),
		plan('S4', 'S1 n8n request helper'),
		plan('S4', 'S1 Keitaro, Confirm off'),
		plan('S4', 'S4 No Operation node'),
	];
	return all.filter((p) => !only || only.includes(p.scenario));
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

async function measure(plan: Plan, latencyMs: number, liveHeap = false): Promise<Result> {
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
	]);
	try {
		const tracker = (await simulator.firstJson) as Tracker;
		const loadBefore = os.loadavg()[0];
		const client = startProcess([
			'--expose-gc',
			'--max-old-space-size=8192',
			'--import',
			'tsx',
			'scripts/bench/client.ts',
			JSON.stringify({ variant: plan.variant, tracker, settings: plan.settings, liveHeap }),
		]);
		const result = (await client.firstJson) as Measurement;
		return { ...result, loadBefore, loadAfter: os.loadavg()[0] };
	} finally {
		simulator.child.kill('SIGTERM');
	}
}

const median = <T>(list: T[], by: (x: T) => number) =>
	[...list].sort((a, b) => by(a) - by(b))[Math.floor(list.length / 2)];

function table(rows: Array<{ plan: Plan; m: Result }>): string {
	const base = rows.find((r) => r.plan.baseline)?.m;
	const head =
		'| variant | time ms | ratio | CPU ms | requests | req/s | credential reads | peak RSS MB | RSS growth MB | heap peak growth MB | live heap peak growth MB | heap retained MB | load 1 min | check |';
	const lines = rows.map(({ plan, m }) =>
		[
			plan.label,
			m.ms,
			base ? `${(m.ms / base.ms).toFixed(2)}×` : '',
			m.cpuMs,
			`${m.requests} (${m.postbacks} postbacks)`,
			Math.round(m.requests / (m.ms / 1000)),
			m.credentialReads,
			m.peakRssMb,
			m.rssGrowthMb,
			m.heapPeakGrowthMb,
			m.heapLivePeakGrowthMb ?? '',
			m.heapRetainedMb,
			`${m.loadBefore.toFixed(2)}→${m.loadAfter.toFixed(2)}`,
			m.check,
		].join(' | '),
	);
	return [head, head.replace(/[^|]+/g, ' --- '), ...lines.map((l) => `| ${l} |`)].join('\n');
}

async function main() {
	const started = new Date();
	const results: Array<{
		latencyMs: number;
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
			)}; concurrency ${concurrency}, repeat ${repeat}${quick ? ', quick (sizes / 10)' : ''}`,
	);
	const all = plans();
	const scenarios = [...new Set(all.map((p) => p.scenario))];
	for (const scenario of scenarios) {
		for (const latencyMs of scenario === 'S4' ? [0] : latencies) {
			const rows: Array<{ plan: Plan; m: Result }> = [];
			for (const plan of all.filter((p) => p.scenario === scenario)) {
				const runs = [];
				for (let n = 0; n < repeat; n++) runs.push(await measure(plan, latencyMs));
				const m = median(runs, (r) => r.ms);
				// S2 is about memory: a second run samples the live heap (a full GC every 20 ms)
				if (scenario === 'S2')
					m.heapLivePeakGrowthMb = (await measure(plan, latencyMs, true)).heapPeakGrowthMb;
				rows.push({ plan, m });
				results.push({ latencyMs, scenario, plan, m });
				process.stderr.write(
					`  ${scenario} ${latencyMs} ms ${plan.label}: ${runs.map((r) => r.ms).join(', ')} ms — ${m.check}\n`,
				);
			}
			console.log(
				`\n## ${scenario}, ${scenario === 'S4' ? 'no latency' : `${latencyMs} ms latency`}, ${all.find((p) => p.scenario === scenario)!.settings.size} items\n`,
			);
			console.log(table(rows));
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
