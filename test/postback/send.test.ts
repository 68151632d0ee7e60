import { addClick, addOffer, type KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator({ postbackDelayMs: 60_000 });
	addOffer(sim.state, { id: 1, payout_auto: true });
	addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
});
afterEach(async () => sim.stop());

const send = (extra: object = {}) => ({
	resource: 'postback',
	operation: 'send',
	clickId: 'c1',
	status: 'lead',
	...extra,
});
const postbacks = () => sim.requests.filter((r) => r.path.endsWith('/postback'));
const sent = () => Object.fromEntries(new URLSearchParams(postbacks()[0].query));

test('sends every postback parameter; Keitaro queues it and applies it later', async () => {
	const { items, error } = await runKeitaro(
		sim,
		send({
			status: 'approved',
			additionalFields: {
				payout: 12.5,
				currency: 'eur',
				tid: 'order-7',
				cost: 2,
				conversionTime: '2026-03-01T10:00:00Z',
				saleStatuses: 'approved, paid',
				leadStatuses: 'hold',
				rejectedStatuses: 'fake',
				ignoredStatuses: 'test',
				returnText: 'OK',
				subIds: { subId: [{ number: 2, value: 'crm-9' }] },
				extraParameters: { parameter: [{ name: 'extra_param_1', value: 'fb' }] },
			},
		}),
	);
	expect(error).toBeUndefined();
	expect(sent()).toEqual({
		subid: 'c1',
		status: 'approved',
		payout: '12.5',
		currency: 'EUR',
		tid: 'order-7',
		cost: '2',
		conversion_time: '2026-03-01 10:00:00',
		sub_id_2: 'crm-9',
		sale_status: 'approved,paid',
		lead_status: 'hold',
		rejected_status: 'fake',
		ignore_status: 'test',
		return: 'OK',
		extra_param_1: 'fb',
	});
	expect(items[0].json).toMatchObject({
		click_id: 'c1',
		status: 'approved',
		tid: 'order-7',
		queued: true,
		keitaro_answer: 'OK',
	});
	// it does not wait: the conversion shows once Keitaro's queue runs
	expect(sim.state.conversions).toHaveLength(0);
	sim.flushPostbacks();
	expect(sim.state.conversionsBySubId.get('c1')).toMatchObject([
		{ tid: 'order-7', status: 'sale', original_status: 'approved', revenue: 13.75 },
	]);
	expect(JSON.stringify(items)).not.toContain(sim.postbackKey);
});

test('a status Keitaro cannot map is refused before anything is sent', async () => {
	const { error } = await runKeitaro(sim, send({ status: 'approved' }));
	expect(error?.message).toBe('Status "approved" is not a Keitaro status');
	expect(error?.description).toContain('Sale, Lead, Rejected or Ignored Statuses');
	expect(sim.requests).toHaveLength(0);
});

test.each([
	[{ clickId: ' ' }, 'Click ID is empty'],
	[{ additionalFields: { currency: 'euro' } }, 'Currency: currency "euro" is not a currency code'],
	[{ additionalFields: { payout: -1 } }, 'Payout -1 is not an amount'],
	[
		{ additionalFields: { returnText: 'gif' } },
		'Return Text "gif" asks Keitaro for an image or a script',
	],
	[
		{ additionalFields: { extraParameters: { parameter: [{ name: 'status', value: 'sale' }] } } },
		'Extra parameter "status" is set by a field of its own',
	],
])('bad input %j stops before any request', async (extra, message) => {
	const { error } = await runKeitaro(sim, send(extra));
	expect(error?.message).toBe(message);
	expect((error?.context as { code?: string }).code).toBe('INVALID_INPUT');
	expect(sim.requests).toHaveLength(0);
});

test('a postback with a tid is retried after a server error; one without is sent once', async () => {
	const failOnce = () =>
		sim.scriptAnswer({ pathIncludes: '/postback', status: 500, body: 'Internal Server Error' });
	failOnce();
	const withoutTid = await runKeitaro(sim, send());
	expect(withoutTid.error?.message).toContain('(500)');
	expect(postbacks()).toHaveLength(1);
	sim.requests.splice(0);
	failOnce();
	const withTid = await runKeitaro(sim, send({ additionalFields: { tid: 't1' } }));
	expect(withTid.error).toBeUndefined();
	expect(postbacks()).toHaveLength(2);
});
