/* eslint-disable */
/**
 * Import: every row comes out exactly once (valid requests on the first output, refused rows with
 * their reason on the second), checked against Keitaro in batched look-ups; and a 10,000-row
 * reconciliation run end to end, where processed + rejected + failed accounts for every row.
 */
import type { IDataObject } from 'n8n-workflow';

import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { startSimulator } from '../support/keitaro';
import { requestStep } from './support';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, payout_auto: true });
});
afterEach(async () => sim.stop());

test('each row comes out once: valid on output 1, refused on output 2 with row number and reason', async () => {
	addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
	addClick(sim.state, { sub_id: 'c2', offer_id: 1 });
	addConversion(sim.state, { conversion_id: 1, sub_id: 'c1', tid: 't1', status: 'lead' });
	const rows = [
		{ subid: 'c1', payout: '12,50', tid: 't1', status: 'sale', requested_by: 'finance' },
		{ subid: 'c2', payout: '7', tid: 'new', status: 'lead', currency: 'eur', sub_id_2: 'x' },
		{ subid: '', payout: '1', tid: 'x', status: 'sale' },
		{ subid: 'c2', payout: 'lots', tid: 'y', status: 'sale' },
		{ subid: 'c2', payout: '1', tid: 'z', status: 'won' },
		{ subid: 'c2', payout: '1', tid: 'z', status: 'sale', colour: 'red' },
		{ subid: 'ghost', payout: '1', tid: 'g', status: 'sale' },
	];
	const { records, second, error } = await requestStep(sim, 'import', { requestedBy: 'ops' }, rows);
	expect(error).toBeUndefined();
	expect(records).toMatchObject([
		{
			type: 'change',
			click_id: 'c1',
			conversion_id: 1,
			target_status: 'sale',
			revenue: 12.5,
			requested_by: 'finance',
			request_status: 'inquired',
			snapshot_status: 'lead',
		},
		{
			type: 'create',
			click_id: 'c2',
			tid: 'new',
			target_status: 'lead',
			revenue: 7,
			currency: 'EUR',
			sub_ids: '{"sub_id_2":"x"}',
			requested_by: 'ops',
		},
	]);
	expect(second.map((r) => [r.row_number, r.reason_code])).toEqual([
		[3, 'INVALID_ROW'],
		[4, 'INVALID_ROW'],
		[5, 'INVALID_ROW'],
		[6, 'INVALID_ROW'],
		[7, 'NO_CLICK'],
	]);
	expect(second[0].reason_message).toMatch(/no subid/);
	expect(second[1].reason_message).toMatch(/revenue "lots" is not a number/);
	expect(second[2].reason_message).toMatch(/unknown status "won"/);
	expect(second[3].reason_message).toMatch(/unknown columns: colour/);
	// the row's own columns come back, so it can be fixed and imported again
	expect(second[1]).toMatchObject({
		subid: 'c2',
		payout: 'lots',
		tid: 'y',
		status: 'sale',
		request_status: 'rejected',
	});
	const fixed = { ...second[1], payout: '9' };
	const again = await requestStep(sim, 'import', { requestedBy: 'ops' }, [fixed]);
	expect(again.records).toMatchObject([
		{ click_id: 'c2', tid: 'y', revenue: 9, request_status: 'inquired' },
	]);
});

test('10,000 rows: import → accept → process; every row ends processed, rejected or failed', async () => {
	const rows: IDataObject[] = [];
	for (let n = 0; n < 10_000; n++) {
		const subId = `k${n}`;
		if (n < 6000) {
			addClick(sim.state, { sub_id: subId, offer_id: 1 });
			addConversion(sim.state, { sub_id: subId, tid: `t${n}`, status: 'lead', revenue: 0 });
			rows.push({ subid: subId, payout: String(10 + (n % 7)), tid: `t${n}`, status: 'sale' });
		} else if (n < 8000) {
			addClick(sim.state, { sub_id: subId, offer_id: 1 });
			rows.push({ subid: subId, payout: '5', tid: `new${n}`, status: 'lead' });
		} else if (n < 9000) {
			rows.push({ subid: subId, payout: '5', tid: `g${n}`, status: 'sale' }); // no such click
		} else if (n < 9500) {
			rows.push({ subid: subId, payout: 'n/a', tid: `x${n}`, status: 'sale' }); // not a number
		} else {
			addClick(sim.state, { sub_id: subId, offer_id: 1 });
			addConversion(sim.state, { sub_id: subId, tid: `t${n}`, status: 'sale', revenue: 3 });
			rows.push({ subid: subId, payout: '3', tid: `t${n}`, status: 'sale' }); // changes nothing
		}
	}
	sim.requests.splice(0);
	const imported = await requestStep(sim, 'import', { requestedBy: 'reconciliation-file' }, rows);
	expect(imported.error).toBeUndefined();
	expect(imported.records.length + imported.second.length).toBe(10_000);
	const lookups = sim.requestsTo('/admin_api/').length;
	// batched: at most one Keitaro call per 100 rows
	expect(lookups).toBeLessThanOrEqual(100);
	console.log(
		`import of 10,000 rows: ${imported.records.length} valid, ${imported.second.length} refused, ${lookups} Keitaro API calls`,
	);

	const accepted = await requestStep(sim, 'accept', { actor: 'controller' }, imported.records);
	expect(accepted.records.every((r) => r.request_status === 'accepted')).toBe(true);
	const processed = await requestStep(
		sim,
		'process',
		{ options: { concurrency: 8 } },
		accepted.records,
	);
	expect(processed.records).toHaveLength(8000);

	const summary = await requestStep(sim, 'getStatusSummary', {}, [
		...processed.records,
		...imported.second,
	]);
	expect(summary.records).toHaveLength(1);
	const counts = summary.records[0];
	console.log('summary', JSON.stringify(counts));
	expect(counts).toMatchObject({ total: 10_000, accounted_for: true, inquired: 0, accepted: 0 });
	expect(Number(counts.processed) + Number(counts.rejected) + Number(counts.failed)).toBe(10_000);
	expect(counts).toMatchObject({
		processed: 8000,
		rejected: 2000,
		failed: 0,
		by_reason: { NO_CLICK: 1000, INVALID_ROW: 500, NO_CHANGE: 500 },
	});
	// Keitaro really holds the result: 6,000 sales changed in place, 2,000 leads created
	expect(
		sim.state.conversions.filter((c) => c.status === 'sale' && c.previous_status === 'lead'),
	).toHaveLength(6000);
	expect(sim.state.conversions.filter((c) => c.tid.startsWith('new'))).toHaveLength(2000);
	expect(sim.requests.filter((r) => r.path.endsWith('/postback'))).toHaveLength(8000);
}, 300_000);
