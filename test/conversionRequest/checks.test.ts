/**
 * Every reason a request is rejected or fails, each with its code and a sentence, at the stage the
 * checks run (raise, accept, just before process); the four-eyes rule; idempotency.
 */
import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';
import { requestStep } from './support';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, payout_auto: true });
	addOffer(sim.state, { id: 2, payout_auto: false, payout_value: 15 });
	addClick(sim.state, { sub_id: 'lead', offer_id: 1 });
	addClick(sim.state, { sub_id: 'sale', offer_id: 1 });
	addClick(sim.state, { sub_id: 'fixed', offer_id: 2 });
	addClick(sim.state, { sub_id: 'empty', offer_id: 1 });
	addClick(sim.state, { sub_id: 'old', offer_id: 1 });
	addConversion(sim.state, {
		conversion_id: 1,
		sub_id: 'lead',
		tid: 'a',
		status: 'lead',
		revenue: 0,
		postback_datetime: '2026-11-01 10:00:00',
	});
	addConversion(sim.state, {
		conversion_id: 2,
		sub_id: 'sale',
		tid: 'b',
		status: 'sale',
		revenue: 30,
		postback_datetime: '2026-11-01 10:00:00',
	});
	addConversion(sim.state, {
		conversion_id: 3,
		sub_id: 'fixed',
		tid: 'c',
		status: 'lead',
		revenue: 0,
		postback_datetime: '2026-11-01 10:00:00',
	});
	addConversion(sim.state, {
		conversion_id: 4,
		sub_id: 'old',
		tid: 'd',
		status: 'lead',
		revenue: 0,
		postback_datetime: '2025-01-01 10:00:00',
	});
});
afterEach(async () => sim.stop());

const raise = (fields: object, options: object = {}) =>
	requestStep(sim, 'raise', {
		requestType: 'change',
		targetStatus: 'sale',
		requestedBy: 'alice',
		...fields,
		options,
	});
const postbacks = () => sim.requests.filter((r) => r.path.endsWith('/postback'));

describe('rejected at raise, with a reason code and a sentence', () => {
	test.each([
		['NO_CLICK', { requestType: 'create', clickId: 'ghost', tid: 'x' }, {}, /no click ghost/],
		[
			'ALREADY_EXISTS',
			{ requestType: 'create', clickId: 'lead', tid: 'a' },
			{},
			/already has conversion 1 with tid "a"/,
		],
		[
			'ALREADY_EXISTS',
			{ requestType: 'create', clickId: 'lead', tid: '' },
			{},
			/give the new one its own tid/,
		],
		['NOT_FOUND', { clickId: 'empty', tid: 'zzz' }, {}, /has no conversion with tid "zzz"/],
		[
			'NO_CHANGE',
			{ clickId: 'sale', tid: 'b', additionalFields: { revenue: 30 } },
			{},
			/changes nothing/,
		],
		[
			'UNSUPPORTED_TRANSITION',
			{ clickId: 'sale', tid: 'b', targetStatus: 'lead' },
			{},
			/sale → lead/,
		],
		[
			'PAYOUT_NOT_ACCEPTED',
			{ clickId: 'fixed', tid: 'c', additionalFields: { revenue: 99 } },
			{},
			/keep its own payout/,
		],
		[
			'ALREADY_FINAL',
			{ clickId: 'old', tid: 'd' },
			{ lockOlderThanDays: 90 },
			/counts as paid and final/,
		],
		[
			'ALREADY_FINAL',
			{ clickId: 'lead', tid: 'a' },
			{ lockBefore: '2026-11-02' },
			/before the lock \(2026-11-02 00:00:00\)/,
		],
	])('%s', async (code, fields, options, message) => {
		const { records, error } = await raise(fields, options);
		expect(error).toBeUndefined();
		expect(records[0]).toMatchObject({
			request_status: 'rejected',
			reason_code: code,
			decided_by: 'checks',
		});
		expect(records[0].reason_message).toMatch(message);
		expect(postbacks()).toHaveLength(0);
	});

	test('an undocumented transition passes when allowed', async () => {
		const { records } = await raise(
			{ clickId: 'sale', tid: 'b', targetStatus: 'lead' },
			{ allowUndocumentedTransitions: true },
		);
		expect(records[0].request_status).toBe('inquired');
	});

	test('DUPLICATE_REQUEST: a second open request for the same conversion, in the batch or stored', async () => {
		const first = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 10 } });
		const second = await raise(
			{ clickId: 'lead', tid: 'a', additionalFields: { revenue: 12 } },
			{ openRequests: JSON.stringify(first.records) },
		);
		expect(second.records[0]).toMatchObject({
			request_status: 'rejected',
			reason_code: 'DUPLICATE_REQUEST',
		});
		expect(second.records[0].reason_message).toContain(String(first.records[0].request_id));

		const batch = await requestStep(sim, 'import', { requestedBy: 'alice' }, [
			{ subid: 'lead', tid: 'a', status: 'sale', payout: '10' },
			{ subid: 'lead', tid: 'a', status: 'rejected' },
		]);
		expect(batch.records).toHaveLength(1);
		expect(batch.second).toMatchObject([{ row_number: 2, reason_code: 'DUPLICATE_REQUEST' }]);
	});
});

test('STALE at accept: the conversion changed after the request was raised', async () => {
	const {
		records: [raised],
	} = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 25 } });
	sim.state.conversionsBySubId.get('lead')![0].status = 'rejected';
	const {
		records: [decided],
	} = await requestStep(sim, 'accept', { actor: 'bob' }, [raised]);
	expect(decided).toMatchObject({
		request_status: 'rejected',
		reason_code: 'STALE',
		decided_by: 'bob',
	});
	expect(decided.reason_message).toMatch(
		/changed since the request was raised: it was lead 0, it is rejected 0/,
	);
});

test('STALE just before process: failed, nothing sent', async () => {
	const {
		records: [raised],
	} = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 25 } });
	const {
		records: [accepted],
	} = await requestStep(sim, 'accept', { actor: 'bob' }, [raised]);
	sim.state.conversionsBySubId.get('lead')![0].revenue = 5;
	const {
		records: [processed],
	} = await requestStep(sim, 'process', {}, [accepted]);
	expect(processed).toMatchObject({ request_status: 'failed', reason_code: 'STALE', attempts: 1 });
	expect(postbacks()).toHaveLength(0);
});

test('NOT_CONFIRMED: Keitaro queued the postback but the change did not show in time; retry then finishes it once', async () => {
	const {
		records: [raised],
	} = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 25 } });
	const {
		records: [accepted],
	} = await requestStep(sim, 'accept', { actor: 'bob' }, [raised]);
	sim.postbackDelayMs = 60_000;
	const {
		records: [failed],
	} = await requestStep(sim, 'process', { options: { confirmTimeout: 1 } }, [accepted]);
	expect(failed).toMatchObject({
		request_status: 'failed',
		reason_code: 'NOT_CONFIRMED',
		keitaro_answer: 'Success',
	});
	expect(postbacks()).toHaveLength(1);

	sim.flushPostbacks(); // the queue catches up
	const {
		records: [retried],
	} = await requestStep(sim, 'retryFailed', { actor: 'bob' }, [failed]);
	expect(retried).toMatchObject({ request_status: 'accepted' });
	const {
		records: [processed],
	} = await requestStep(sim, 'process', {}, [retried]);
	expect(processed).toMatchObject({
		request_status: 'processed',
		result_status: 'sale',
		result_revenue: 25,
		attempts: 2,
	});
	expect(processed.keitaro_answer).toMatch(/already shows this change; nothing was sent/);
	expect(postbacks()).toHaveLength(1);
});

test('KEITARO_ERROR: Keitaro refuses the postback (wrong postback key); the reason is kept, the key is not', async () => {
	const {
		records: [raised],
	} = await raise({ clickId: 'lead', tid: 'a' });
	const {
		records: [accepted],
	} = await requestStep(sim, 'accept', { actor: 'bob' }, [raised]);
	const wrongKey = await runKeitaro(
		sim,
		{ resource: 'conversionRequest', operation: 'process' },
		{ items: [accepted], credentials: { postbackSecret: 'WRONG-KEY-1234' } },
	);
	expect(wrongKey.items[0].json).toMatchObject({
		request_status: 'failed',
		reason_code: 'KEITARO_ERROR',
		reason_message: 'Keitaro does not accept the postback key',
	});
	expect(JSON.stringify(wrongKey.run)).not.toContain('WRONG-KEY-1234');
	expect(sim.state.conversionsBySubId.get('lead')![0].status).toBe('lead');
});

describe('four-eyes', () => {
	test('the requester cannot accept their own request (any letter case); the request stays inquired', async () => {
		const {
			records: [raised],
		} = await raise({ clickId: 'lead', tid: 'a', requestedBy: 'Alice@Example.com' });
		const { error } = await requestStep(sim, 'accept', { actor: ' alice@example.com ' }, [raised]);
		expect(error?.message).toBe(
			`Request ${raised.request_id} was raised by Alice@Example.com, who cannot also accept it`,
		);
		expect(error?.description).toMatch(/Allow Self-Approval/);
	});

	test('unless self-approval is allowed', async () => {
		const {
			records: [raised],
		} = await raise({ clickId: 'lead', tid: 'a' });
		const {
			records: [accepted],
		} = await requestStep(sim, 'accept', { actor: 'alice', options: { allowSelfApproval: true } }, [
			raised,
		]);
		expect(accepted.request_status).toBe('accepted');
	});

	test('only the requester can withdraw', async () => {
		const {
			records: [raised],
		} = await raise({ clickId: 'lead', tid: 'a' });
		const other = await requestStep(sim, 'withdraw', { actor: 'bob' }, [raised]);
		expect(other.error?.message).toMatch(/only they can withdraw it/);
		const own = await requestStep(sim, 'withdraw', { actor: 'alice' }, [raised]);
		expect(own.records[0]).toMatchObject({ request_status: 'rejected', reason_code: 'WITHDRAWN' });
	});

	test('a rejection keeps the approver’s reason code and message', async () => {
		const {
			records: [raised],
		} = await raise({ clickId: 'lead', tid: 'a' });
		const {
			records: [rejected],
		} = await requestStep(
			sim,
			'reject',
			{ actor: 'bob', reasonCode: 'ALREADY_PAID', reasonMessage: 'Paid in October' },
			[raised],
		);
		expect(rejected).toMatchObject({
			request_status: 'rejected',
			reason_code: 'ALREADY_PAID',
			reason_message: 'Paid in October',
			decided_by: 'bob',
		});
	});
});

describe('idempotency', () => {
	test('the request ID comes from the content, or from the caller’s key', async () => {
		const a = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 10 } });
		const b = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 10 } });
		const c = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 11 } });
		expect(a.records[0].request_id).toBe(b.records[0].request_id);
		expect(c.records[0].request_id).not.toBe(a.records[0].request_id);
		const k1 = await raise({
			clickId: 'lead',
			tid: 'a',
			additionalFields: { revenue: 10, idempotencyKey: 'crm-event-9' },
		});
		const k2 = await raise({
			clickId: 'lead',
			tid: 'a',
			additionalFields: { revenue: 12, idempotencyKey: 'crm-event-9' },
		});
		expect(k1.records[0].request_id).toBe(k2.records[0].request_id);
	});

	test('raising what is stored already returns the stored request unchanged', async () => {
		const {
			records: [raised],
		} = await raise({ clickId: 'lead', tid: 'a' });
		const {
			records: [accepted],
		} = await requestStep(sim, 'accept', { actor: 'bob' }, [raised]);
		const {
			records: [again],
		} = await raise({ clickId: 'lead', tid: 'a' }, { openRequests: JSON.stringify([accepted]) });
		expect(again).toEqual(accepted);
	});

	test('processing the same request twice changes Keitaro once', async () => {
		const {
			records: [raised],
		} = await raise({ clickId: 'lead', tid: 'a', additionalFields: { revenue: 20 } });
		const {
			records: [accepted],
		} = await requestStep(sim, 'accept', { actor: 'bob' }, [raised]);
		const first = await requestStep(sim, 'process', {}, [accepted]);
		const second = await requestStep(sim, 'process', {}, [accepted]);
		expect(first.records[0]).toMatchObject({
			request_status: 'processed',
			keitaro_answer: 'Success',
		});
		expect(second.records[0]).toMatchObject({ request_status: 'processed', result_revenue: 20 });
		expect(postbacks()).toHaveLength(1);
		expect(sim.state.conversionsBySubId.get('lead')).toMatchObject([
			{ status: 'sale', previous_status: 'lead', revenue: 20 },
		]);
	});
});
