/* eslint-disable */
/**
 * The fault matrix (`npm run faults` prints it): for every fault the simulator can inject, a
 * 1,000-row bulk Conversion Update and a 1,000-row Conversion Request Process run at a 10% fault
 * rate on every request (Admin API and postbacks), with Continue On Fail. Each run must end with
 * every row processed or failed with a reason, and the simulator's own records must show that no
 * conversion was created or changed twice, that no postback that is unsafe to repeat was sent
 * twice, that retries stayed bounded, and that the node's verdict on every row is what Keitaro
 * holds.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	addClick,
	addConversion,
	addOffer,
	type FaultKind,
	type KeitaroSimulator,
	type RecordedRequest,
} from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';
import { requestStep } from '../conversionRequest/support';

const ROWS = 1000;
const FAULT_RATE = 0.1;
const KINDS: FaultKind[] = [
	'latency',
	'429',
	'429-retry-after',
	'500',
	'502',
	'503',
	'reset',
	'timeout',
	'html200',
	'truncated',
	'slow-body',
];
/** the transport's limit: one send and at most four retries */
const MAX_SENDS = 5;
/** Options of every run: short timeouts keep the matrix to minutes (a `timeout` fault waits for it). */
const OPTIONS = { concurrency: 16, timeout: 1, confirmTimeout: 5 };
/** how the node's output marks a change it confirmed by reading Keitaro after an incomplete answer */
const NO_COMPLETE_ANSWER = '(no complete answer';

interface RowVerdict {
	/** the row's click (subid), which identifies it in the simulator */
	clickId: string;
	processed: boolean;
	reason: string;
	/** processed although the postback got no complete answer: the conversions log showed it */
	readBack: boolean;
}

interface MatrixRow {
	fault: FaultKind;
	operation: string;
	processed: number;
	failed: number;
	confirmedByReadBack: number;
	reasons: Record<string, number>;
	faultsInjected: number;
	postbacksReceived: number;
	maxSendsPerRow: number;
	/** postbacks unsafe to repeat (a create without tid) sent again after an answer other than 429 */
	unsafeRepeats: number;
	createdOrChangedTwice: number;
	/** rows where the node's verdict and what the simulator holds disagree */
	verdictMismatches: number;
}

/** Clicks u0…u999, each with a lead (tid t<n>) for the bulk update to move to sale. */
function seedUpdate(sim: KeitaroSimulator): IDataObject[] {
	addOffer(sim.state, { id: 1, payout_auto: true });
	return Array.from({ length: ROWS }, (_, n) => {
		const clickId = `u${n}`;
		addClick(sim.state, { sub_id: clickId, offer_id: 1 });
		addConversion(sim.state, {
			conversion_id: n + 1,
			sub_id: clickId,
			tid: `t${n}`,
			status: 'lead',
		});
		return { conversion_id: n + 1, click_id: clickId, revenue: 10 + (n % 7) };
	});
}

async function bulkUpdate(sim: KeitaroSimulator, rows: IDataObject[]) {
	const { items, error } = await runKeitaro(
		sim,
		{
			resource: 'conversion',
			operation: 'update',
			conversionId: '={{ $json.conversion_id }}',
			conversionData:
				'={{ JSON.stringify({ click_id: $json.click_id, status: "sale", revenue: $json.revenue }) }}',
			options: OPTIONS,
		},
		{ items: rows, node: { onError: 'continueRegularOutput' } },
	);
	expect(error).toBeUndefined();
	return items.map((item: INodeExecutionData): RowVerdict => {
		const json = item.json as IDataObject;
		return {
			clickId: String(rows[(item.pairedItem as { item: number }).item].click_id),
			processed: json.error === undefined && json.confirmed === true,
			reason: String(json.error ?? ''),
			readBack: String(json.keitaro_answer ?? '').startsWith(NO_COMPLETE_ANSWER),
		};
	});
}

function updateHolds(sim: KeitaroSimulator, row: IDataObject): boolean {
	const [conversion] = sim.state.conversionsBySubId.get(String(row.click_id)) ?? [];
	return conversion?.status === 'sale' && conversion.revenue === row.revenue;
}

/**
 * 1,000 Conversion Requests: 600 changes of existing leads, 200 creates with a tid and 200 creates
 * without one (the postback Keitaro must never get twice), imported and accepted without faults.
 */
async function seedRequests(sim: KeitaroSimulator): Promise<IDataObject[]> {
	addOffer(sim.state, { id: 1, payout_auto: true });
	const rows = Array.from({ length: ROWS }, (_, n) => {
		const clickId = `r${n}`;
		addClick(sim.state, { sub_id: clickId, offer_id: 1 });
		if (n < 600) {
			addConversion(sim.state, { sub_id: clickId, tid: `t${n}`, status: 'lead' });
			return { subid: clickId, payout: String(10 + (n % 7)), tid: `t${n}`, status: 'sale' };
		}
		return { subid: clickId, payout: '5', tid: n < 800 ? `new${n}` : '', status: 'lead' };
	});
	const imported = await requestStep(sim, 'import', { requestedBy: 'finance' }, rows);
	const accepted = await requestStep(sim, 'accept', { actor: 'controller' }, imported.records);
	expect(accepted.records.filter((r) => r.request_status === 'accepted')).toHaveLength(ROWS);
	return accepted.records;
}

async function processRequests(sim: KeitaroSimulator, records: IDataObject[]) {
	const {
		records: results,
		items,
		error,
	} = await requestStep(sim, 'process', { options: OPTIONS }, records, true);
	expect(error).toBeUndefined();
	return results.map((json, n): RowVerdict => {
		const clickId = String(records[(items[n].pairedItem as { item: number }).item].click_id);
		const readBack = String(json.keitaro_answer ?? '').startsWith(NO_COMPLETE_ANSWER);
		if (json.request_status === 'processed')
			return { clickId, processed: true, reason: '', readBack };
		const reason =
			json.request_status === 'failed'
				? `${json.reason_code}: ${json.reason_message}`
				: String(json.error ?? '');
		return { clickId, processed: false, reason, readBack };
	});
}

function requestHolds(sim: KeitaroSimulator, record: IDataObject): boolean {
	const conversions = sim.state.conversionsBySubId.get(String(record.click_id)) ?? [];
	return conversions.some(
		(c) =>
			c.tid === record.tid &&
			c.status === record.target_status &&
			c.revenue === Number(record.revenue),
	);
}

/** What the simulator itself recorded about a run: requests, faults and every applied postback. */
function ledger(sim: KeitaroSimulator, unsafe: Set<string>) {
	const postbacks = sim.requestsTo('/').filter((r) => r.path.endsWith('/postback'));
	const sends = new Map<string, RecordedRequest[]>();
	for (const request of postbacks) {
		const subid = new URLSearchParams(request.query).get('subid') ?? '';
		sends.set(subid, [...(sends.get(subid) ?? []), request]);
	}
	// a 429 says Keitaro did not take the postback, so only a send after another answer is a repeat
	const repeatedAfterArrival = (attempts: RecordedRequest[]) =>
		attempts.slice(0, -1).some((attempt) => attempt.status !== 429);
	const effects = new Map<string, number>();
	for (const applied of sim.state.applied) {
		if (applied.effect === 'unchanged') continue;
		const key = `${applied.sub_id}\u0000${applied.tid}`;
		effects.set(key, (effects.get(key) ?? 0) + 1);
	}
	const duplicates = new Map<string, number>();
	for (const conversion of sim.state.conversions) {
		const key = `${conversion.sub_id}\u0000${conversion.tid}`;
		duplicates.set(key, (duplicates.get(key) ?? 0) + 1);
	}
	return {
		faultsInjected: sim.requests.filter((r) => r.fault).length,
		postbacksReceived: postbacks.length,
		maxSendsPerRow: Math.max(0, ...[...sends.values()].map((attempts) => attempts.length)),
		unsafeRepeats: [...sends].filter(
			([subid, attempts]) => unsafe.has(subid) && repeatedAfterArrival(attempts),
		).length,
		createdOrChangedTwice:
			[...effects.values()].filter((count) => count > 1).length +
			[...duplicates.values()].filter((count) => count > 1).length,
	};
}

function summarise(
	fault: FaultKind,
	operation: string,
	verdicts: RowVerdict[],
	holds: (clickId: string) => boolean,
	sim: KeitaroSimulator,
	unsafe: Set<string>,
): MatrixRow {
	const reasons: Record<string, number> = {};
	for (const v of verdicts.filter((v) => !v.processed)) {
		// the reason without the host, port and figures that differ run to run
		const key = v.reason.replace(/127\.0\.0\.1:\d+/g, 'host').slice(0, 90);
		reasons[key] = (reasons[key] ?? 0) + 1;
	}
	return {
		fault,
		operation,
		processed: verdicts.filter((v) => v.processed).length,
		failed: verdicts.filter((v) => !v.processed).length,
		confirmedByReadBack: verdicts.filter((v) => v.processed && v.readBack).length,
		reasons,
		verdictMismatches: verdicts.filter((v) => v.processed !== holds(v.clickId)).length,
		...ledger(sim, unsafe),
	};
}

const table: MatrixRow[] = [];

afterAll(() => {
	const header = [
		'fault',
		'operation',
		'processed',
		'failed',
		'read back',
		'faults',
		'postbacks',
		'max sends/row',
		'unsafe repeats',
		'changed twice',
		'verdict ≠ Keitaro',
	];
	const lines = table.map((r) => [
		r.fault,
		r.operation,
		r.processed,
		r.failed,
		r.confirmedByReadBack,
		r.faultsInjected,
		r.postbacksReceived,
		r.maxSendsPerRow,
		r.unsafeRepeats,
		r.createdOrChangedTwice,
		r.verdictMismatches,
	]);
	const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => String(l[c]).length)));
	const format = (cells: unknown[]) =>
		`| ${cells.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
	const reasons = table
		.filter((r) => r.failed)
		.map(
			(r) =>
				`  ${r.fault} / ${r.operation}: ${Object.entries(r.reasons)
					.map(([reason, count]) => `${count}× ${reason}`)
					.join('; ')}`,
		);
	console.log(
		[
			`Fault matrix: ${ROWS} rows per run, ${FAULT_RATE * 100}% of requests faulted, Continue On Fail`,
			format(header),
			format(widths.map((w) => '-'.repeat(w))),
			...lines.map(format),
			...(reasons.length ? ['Reasons of failed rows:', ...reasons] : ['No row failed.']),
		].join('\n'),
	);
});

describe.each(KINDS)('%s at 10%%', (fault) => {
	let sim: KeitaroSimulator;
	beforeEach(async () => {
		sim = await startSimulator();
	});
	afterEach(async () => sim.stop());

	const faults = {
		rate: FAULT_RATE,
		kinds: [fault],
		scope: 'all' as const,
		seed: 20_261_123,
		latencySpikeMs: 400,
		retryAfterSeconds: 1,
		slowBodyMs: 300,
	};

	function check(row: MatrixRow) {
		table.push(row);
		expect(row.processed + row.failed).toBe(ROWS);
		expect(row.reasons['']).toBeUndefined();
		expect(row.createdOrChangedTwice).toBe(0);
		expect(row.unsafeRepeats).toBe(0);
		expect(row.maxSendsPerRow).toBeLessThanOrEqual(MAX_SENDS);
		expect(row.verdictMismatches).toBe(0);
		expect(row.faultsInjected).toBeGreaterThan(0);
	}

	test('bulk Conversion Update of 1,000 rows', async () => {
		const rows = seedUpdate(sim);
		sim.setFaults(faults);
		const verdicts = await bulkUpdate(sim, rows);
		sim.setFaults(undefined);
		await sim.idle();
		const byClick = new Map(rows.map((r) => [String(r.click_id), r]));
		check(
			summarise(
				fault,
				'Conversion Update',
				verdicts,
				(id) => updateHolds(sim, byClick.get(id)!),
				sim,
				new Set(),
			),
		);
	});

	test('Conversion Request Process of 1,000 requests', async () => {
		const records = await seedRequests(sim);
		sim.requests.splice(0);
		sim.setFaults(faults);
		const verdicts = await processRequests(sim, records);
		sim.setFaults(undefined);
		await sim.idle();
		const byClick = new Map(records.map((r) => [String(r.click_id), r]));
		const unsafe = new Set(
			records.filter((r) => r.type === 'create' && !r.tid).map((r) => String(r.click_id)),
		);
		check(
			summarise(
				fault,
				'Conversion Request Process',
				verdicts,
				(id) => requestHolds(sim, byClick.get(id)!),
				sim,
				unsafe,
			),
		);
	});
});

test('a batch whose look-ups fail for good still gives every row its item and reason', async () => {
	const sim = await startSimulator();
	try {
		const rows = seedUpdate(sim).slice(0, 3);
		sim.setFaults({ rate: 1, kinds: ['503'], scope: 'admin' });
		const verdicts = await bulkUpdate(sim, rows);
		expect(verdicts.map((v) => [v.clickId, v.processed, v.reason])).toEqual(
			rows.map((r) => [r.click_id, false, 'Keitaro failed to process the request (503)']),
		);
		expect(sim.requests.filter((r) => r.path.endsWith('/postback'))).toEqual([]);
	} finally {
		await sim.stop();
	}
});
