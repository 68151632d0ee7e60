/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * Runs ONE variant of one scenario in this process against a running bench simulator and prints
 * one JSON line: its time, CPU, requests Keitaro received, memory, and a check of what it did.
 * A process per variant, so that peak RSS and heap belong to that variant alone.
 *   node --expose-gc --import tsx scripts/bench/client.ts '{"variant":"…","tracker":{…},"settings":{…}}'
 */
import '../../test/support/env';

import type { IDataObject, IRun } from 'n8n-workflow';

import { binaryText } from '../../test/support/engine';
import type { Settings, Tracker, VariantRun } from './variants';
import { S2_COLUMNS, S2_PAGE_SIZE } from './variants';
import * as v from './variants';

export const VARIANTS = {
	'S1 plain keep-alive': (t: Tracker, s: Settings) => v.plainPostbacks(t, s, true),
	'S1 plain no keep-alive': (t: Tracker, s: Settings) => v.plainPostbacks(t, s, false),
	'S1 axios, new agent per request': (t: Tracker, s: Settings) =>
		v.plainPostbacks(t, s, false, 'axios'),
	'S1 axios keep-alive': (t: Tracker, s: Settings) => v.plainPostbacks(t, s, true, 'axios'),
	'S1 n8n request helper': v.helperPostbacks,
	'S1 Keitaro, Confirm off': (t: Tracker, s: Settings) => v.keitaroUpdate(t, s, false),
	'S1 Keitaro, Confirm on': (t: Tracker, s: Settings) => v.keitaroUpdate(t, s, true),
	'S1 HTTP Request node': v.httpRequestNode,
	'S2 plain paging': (t: Tracker) => v.plainPaging(t),
	'S2 Keitaro': (t: Tracker) => v.keitaroGetMany(t, {}),
	'S2 Keitaro, Include Request Details': (t: Tracker) =>
		v.keitaroGetMany(t, { includeRequestDetails: true }),
	// pages as large as the plain loop's, so both read the same 100 pages
	'S2 Keitaro, CSV File per Page': (t: Tracker) =>
		v.keitaroGetMany(t, { output: 'csv', rowsPerFile: S2_PAGE_SIZE }),
	'S3 plain look-ups': v.plainImportLookups,
	'S3 Keitaro import': v.keitaroImport,
	'S4 No Operation node': v.noOp,
} satisfies Record<string, (t: Tracker, s: Settings) => Promise<VariantRun>>;
export type Variant = keyof typeof VARIANTS;

export interface Measurement {
	variant: Variant;
	ms: number;
	/** user + system CPU of this process during the run (n8n's engine and every node in it) */
	cpuMs: number;
	requests: number;
	postbacks: number;
	outputItems: number;
	/** how often the Keitaro credential was read (in n8n: a database read and a decryption) */
	credentialReads: number;
	/** peak resident set of the process, and its growth over the state before the run */
	peakRssMb: number;
	rssGrowthMb: number;
	/**
	 * V8 heap: the highest sample (every 5 ms, with garbage V8 has not collected yet; with liveHeap,
	 * after a full GC every 20 ms) and what stays after a full GC while the output is kept
	 */
	heapPeakGrowthMb: number;
	heapRetainedMb: number;
	check: string;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

async function control<T>(tracker: Tracker, path: string): Promise<T> {
	const response = await fetch(`${tracker.url}/__simulator/${path}`, { method: 'POST' });
	return (await response.json()) as T;
}

/** What the run did, checked against Keitaro's state or the output, so a fast wrong run cannot pass. */
async function check(
	variant: Variant,
	tracker: Tracker,
	s: Settings,
	run: VariantRun,
): Promise<string> {
	if (variant === 'S4 No Operation node')
		return `${run.outputItems}/${s.size} items passed through`;
	if (variant.startsWith('S1')) {
		await control(tracker, 'flush');
		const conversions = await control<IDataObject[]>(tracker, 'conversions');
		const changed = conversions.filter(
			(c) => c.status === 'sale' && Number(c.revenue) === 25,
		).length;
		return `${changed}/${s.size} conversions are sale 25`;
	}
	if (variant === 'S2 plain paging') return `${(run.output as unknown[]).length}/${s.size} rows`;
	if (variant === 'S2 Keitaro, CSV File per Page') {
		// every file read back from disk: each conversion once, under the header
		const items = (run.output as IRun).data.resultData.runData.Target[0].data!.main[0]!;
		const ids = new Set<string>();
		let lines = 0;
		for (const item of items) {
			const [header, ...rows] = (await binaryText(item.binary!.data)).trimEnd().split('\r\n');
			if (header !== S2_COLUMNS.join(','))
				return `file ${item.binary!.data.fileName}: wrong header`;
			lines += rows.length;
			for (const row of rows) ids.add(row.slice(0, row.indexOf(',')));
		}
		return `${ids.size}/${s.size} rows (${lines} lines) in ${items.length} file(s)`;
	}
	if (variant.startsWith('S2')) {
		const items = (run.output as IRun).data.resultData.runData.Target[0].data!.main[0]!;
		const rows = items.length === 1 ? (items[0].json.data as unknown[]).length : items.length;
		return `${rows}/${s.size} rows in ${items.length} item(s)`;
	}
	if (variant === 'S3 plain look-ups') return `${run.outputItems} subids with conversions`;
	const [valid, invalid] = (run.output as IRun).data.resultData.runData.Target[0].data!.main;
	return `${valid?.length ?? 0} valid + ${invalid?.length ?? 0} invalid of ${s.size} rows`;
}

async function main() {
	const { variant, tracker, settings, liveHeap } = JSON.parse(process.argv[2]) as {
		variant: Variant;
		tracker: Tracker;
		settings: Settings;
		/** sample the heap after a full GC, every 20 ms: live memory only; slows the run down */
		liveHeap?: boolean;
	};
	await v.warmUp(tracker);
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('run with node --expose-gc');
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	const rssBefore = process.memoryUsage.rss();
	let heapPeak = heapBefore;
	const sampler = setInterval(
		() => {
			if (liveHeap) gc();
			heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
		},
		liveHeap ? 20 : 5,
	);
	const readsBefore = v.credentialReads();
	const cpuBefore = process.cpuUsage();
	const run = await VARIANTS[variant](tracker, settings);
	const cpu = process.cpuUsage(cpuBefore);
	clearInterval(sampler);
	heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
	gc();
	const heapAfter = process.memoryUsage().heapUsed;
	const { count, postbacks } = await control<{ count: number; postbacks: number }>(
		tracker,
		'requests',
	);
	const measurement: Measurement = {
		variant,
		ms: Math.round(run.ms),
		cpuMs: Math.round((cpu.user + cpu.system) / 1000),
		requests: count,
		postbacks,
		credentialReads: v.credentialReads() - readsBefore,
		outputItems: run.outputItems,
		peakRssMb: mb(process.resourceUsage().maxRSS * 1024),
		rssGrowthMb: mb(process.resourceUsage().maxRSS * 1024 - rssBefore),
		heapPeakGrowthMb: mb(heapPeak - heapBefore),
		heapRetainedMb: mb(heapAfter - heapBefore),
		check: await check(variant, tracker, settings, run),
	};
	// keep the output alive until it was measured
	if (!run.output) throw new Error('no output');
	console.log(JSON.stringify(measurement));
	process.exit(0);
}

if (require.main === module)
	void main().catch((error) => {
		console.error(error);
		process.exit(1);
	});
