/**
 * The state machine: inquired → accepted | rejected (and withdraw), accepted → processed | failed,
 * failed → accepted (retry) | rejected; processed and rejected are final. Every other move is an
 * error naming the request, its status and the move — and nothing is sent to Keitaro.
 */
import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { startSimulator } from '../support/keitaro';
import { requestStep, storedRequest } from './support';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, payout_auto: true });
	addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
	addConversion(sim.state, {
		conversion_id: 1,
		sub_id: 'c1',
		tid: 't1',
		status: 'lead',
		revenue: 0,
	});
});
afterEach(async () => sim.stop());

const MOVES: Record<string, { parameters: object; from: string[]; to: Record<string, string> }> = {
	accept: { parameters: { actor: 'bob' }, from: ['inquired'], to: { inquired: 'accepted' } },
	reject: {
		parameters: { actor: 'bob', reasonCode: 'OTHER' },
		from: ['inquired', 'failed'],
		to: { inquired: 'rejected', failed: 'rejected' },
	},
	withdraw: { parameters: { actor: 'alice' }, from: ['inquired'], to: { inquired: 'rejected' } },
	process: { parameters: {}, from: ['accepted'], to: { accepted: 'processed' } },
	retryFailed: { parameters: { actor: 'bob' }, from: ['failed'], to: { failed: 'accepted' } },
};
const STATUSES = ['inquired', 'accepted', 'processed', 'rejected', 'failed'];

const cases = Object.entries(MOVES).flatMap(([operation, move]) =>
	STATUSES.map((status) => [operation, status, move] as const),
);

test.each(cases)('%s of a %s request', async (operation, status, move) => {
	const request = storedRequest({ request_status: status, version: 4 });
	const { records, error } = await requestStep(sim, operation, move.parameters as never, [request]);
	if (move.from.includes(status)) {
		expect(error).toBeUndefined();
		expect(records[0]).toMatchObject({
			request_status: move.to[status],
			version: 5,
			last_transition: `${status} → ${move.to[status]}`,
		});
	} else {
		expect(error?.message).toMatch(
			new RegExp(`^Request ${request.request_id} is ${status}; it cannot be `),
		);
		if (status === 'processed' || status === 'rejected')
			expect(error?.message).toMatch(/is final: raise a new request/);
		expect(sim.requests.filter((r) => r.path.endsWith('/postback'))).toHaveLength(0);
	}
});

test('a bad request in a batch stops it before anything is sent; with Continue On Fail the others go on', async () => {
	const good = storedRequest({ request_status: 'accepted' });
	const bad = storedRequest({ request_status: 'processed', click_id: 'c1', tid: 'other' });
	const stopped = await requestStep(sim, 'process', {}, [good, bad]);
	expect(stopped.error?.message).toMatch(/is processed; it cannot be processed/);
	expect(sim.requests).toHaveLength(0);

	const continued = await requestStep(sim, 'process', {}, [good, bad], true);
	expect(continued.error).toBeUndefined();
	expect(continued.records[0]).toMatchObject({ request_status: 'processed' });
	expect(continued.records[1]).toMatchObject({ details: { code: 'INVALID_INPUT' } });
	expect(continued.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
});

test('something that is not a request is refused with what is missing', async () => {
	const { error } = await requestStep(sim, 'accept', { actor: 'bob' }, [{ click_id: 'c1' }]);
	expect(error?.message).toBe('Request has no request_id, type, request_status, target_status');
});
