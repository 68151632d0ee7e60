/**
 * The simulator behaves like Keitaro where the node depends on it: the postback's queue, update and
 * status rules (docs/keitaro.md §3.3), and the faults it can inject.
 */
import { addClick, addOffer, KeitaroSimulator, type FaultKind } from './simulator';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = new KeitaroSimulator({ postbackDelayMs: 60_000 });
	await sim.start();
	addOffer(sim.state, { id: 1, payout_auto: true, payout_upsell: false });
	addOffer(sim.state, { id: 2, payout_auto: false, payout_value: 15, payout_upsell: true });
	addClick(sim.state, { sub_id: 'a', offer_id: 1 });
	addClick(sim.state, { sub_id: 'b', offer_id: 2 });
});
afterEach(async () => sim.stop());

const postback = async (query: string, key = sim.postbackKey) => {
	const response = await fetch(`${sim.url}/${key}/postback?${query}`);
	return response.text();
};
const conversions = (subId: string) => sim.state.conversionsBySubId.get(subId) ?? [];

describe('postback', () => {
	test('answers Success when it queues; the conversion appears only when the queue runs', async () => {
		expect(await postback('subid=a&status=lead&payout=5&tid=1')).toBe('Success');
		expect(conversions('a')).toEqual([]);
		expect(sim.pendingPostbacks).toBe(1);
		sim.flushPostbacks();
		expect(conversions('a')).toMatchObject([
			{ tid: '1', status: 'lead', revenue: 5, previous_status: '' },
		]);
	});

	test('same subid and tid: updated in place, previous_status kept; a new tid adds a conversion', async () => {
		await postback('subid=a&status=lead&payout=5&tid=1');
		sim.flushPostbacks();
		const id = conversions('a')[0].conversion_id;
		await postback('subid=a&status=sale&payout=7&tid=1');
		sim.flushPostbacks();
		expect(conversions('a')).toMatchObject([
			{ conversion_id: id, status: 'sale', previous_status: 'lead', revenue: 7 },
		]);
		await postback('subid=b&status=sale&tid=2');
		await postback('subid=b&status=sale&tid=3');
		sim.flushPostbacks();
		expect(conversions('b').map((c) => [c.tid, c.status])).toEqual([
			['2', 'sale'],
			['3', 'rebill'],
		]);
	});

	test('no tid matches the conversion without a tid (repeats change nothing more)', async () => {
		await postback('subid=a&status=lead');
		await postback('subid=a&status=lead');
		sim.flushPostbacks();
		expect(conversions('a')).toHaveLength(1);
	});

	test('the offer’s payout wins unless the offer takes payouts from postbacks', async () => {
		await postback('subid=b&status=sale&payout=99&tid=x');
		await postback('subid=a&status=sale&payout=99&tid=x');
		sim.flushPostbacks();
		expect(conversions('b')[0].revenue).toBe(15);
		expect(conversions('a')[0].revenue).toBe(99);
	});

	test('a second sale on a click without upsells is ignored, and the log says why', async () => {
		await postback('subid=a&status=sale&tid=1');
		await postback('subid=a&status=sale&tid=2');
		sim.flushPostbacks();
		expect(conversions('a')).toHaveLength(1);
		expect(sim.state.logs.postbacks.map((l) => l.message)).toContain(
			'Conversion is already exists. Postback ignored.',
		);
	});

	test('status words map like Keitaro’s lists, custom lists replace them', async () => {
		addClick(sim.state, { sub_id: 'c', offer_id: 2 });
		addClick(sim.state, { sub_id: 'd', offer_id: 2 });
		addClick(sim.state, { sub_id: 'e', offer_id: 2 });
		await postback('subid=c&status=approved');
		await postback('subid=d&status=trash');
		await postback('subid=e&status=billed&sale_status=billed,paid');
		sim.flushPostbacks();
		expect([
			conversions('c')[0].status,
			conversions('d')[0].status,
			conversions('e')[0].status,
		]).toEqual(['sale', 'rejected', 'sale']);
		expect(conversions('d')[0].original_status).toBe('trash');
	});

	test('an unknown click is logged, not stored', async () => {
		await postback('subid=ghost&status=sale');
		sim.flushPostbacks();
		expect(sim.state.conversions).toHaveLength(0);
		expect(sim.state.logs.postbacks.at(-1)!.message).toBe('SubID not found "ghost"');
	});

	test('a wrong key is answered like Keitaro: 200, plain text, the key echoed', async () => {
		const response = await fetch(`${sim.url}/nope123/postback?subid=a&status=sale`);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('Incorrect postback code (nope123 in /nope123/postback)');
		expect(sim.pendingPostbacks).toBe(0);
	});

	test('return= replaces the answer text', async () => {
		expect(await postback('subid=a&status=lead&return=OK')).toBe('OK');
	});
});

describe('faults', () => {
	const admin = () =>
		fetch(`${sim.url}/admin_api/v1/offers`, {
			headers: { 'Api-Key': Object.keys(sim.apiKeys)[0] },
		});

	test.each<[FaultKind, number | 'reset', RegExp | null]>([
		['429', 429, /Too many/],
		['500', 500, /Internal/],
		['502', 502, /nginx/],
		['503', 503, /nginx/],
		['html200', 200, /<!DOCTYPE html>/],
		['reset', 'reset', null],
	])('%s', async (kind, status, body) => {
		sim.setFaults({ rate: 1, kinds: [kind], scope: 'admin' });
		if (status === 'reset') {
			await expect(admin()).rejects.toThrow();
			return;
		}
		const response = await admin();
		expect(response.status).toBe(status);
		expect(await response.text()).toMatch(body!);
	});

	test('429 with Retry-After', async () => {
		sim.setFaults({ rate: 1, kinds: ['429-retry-after'], retryAfterSeconds: 3 });
		const response = await admin();
		expect(response.status).toBe(429);
		expect(response.headers.get('retry-after')).toBe('3');
	});

	test('truncated: processed, but the answer is cut', async () => {
		sim.setFaults({ rate: 1, kinds: ['truncated'], scope: 'postback' });
		expect(await postback('subid=a&status=lead&tid=z')).toBe('Suc');
		sim.flushPostbacks();
		expect(conversions('a')).toHaveLength(1);
	});

	test('a rate below 1 hits some requests, the same ones for the same seed', async () => {
		const pattern = async () => {
			sim.setFaults({ rate: 0.3, kinds: ['500'], seed: 7 });
			const statuses: number[] = [];
			for (let n = 0; n < 40; n++) statuses.push((await admin()).status);
			return statuses;
		};
		const first = await pattern();
		expect(first.filter((s) => s === 500).length).toBeGreaterThan(3);
		expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
		expect(await pattern()).toEqual(first);
	});
});

describe('capacity', () => {
	/** n postbacks sent at once from separate connections; their statuses in the order sent */
	const burst = (n: number) =>
		Promise.all(
			Array.from({ length: n }, (_, i) =>
				fetch(`${sim.url}/${sim.postbackKey}/postback?subid=a&status=lead&tid=${i}`).then(
					async (r) => {
						await r.text();
						return r.status;
					},
				),
			),
		);
	const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length;

	test('serves at most `slots` at once; with no queue the rest get 503 at once', async () => {
		sim.latencyMs = 300;
		sim.capacity = { slots: 2, queueMs: 0 };
		const statuses = await burst(6);
		expect(count(statuses, 200)).toBe(2);
		expect(count(statuses, 503)).toBe(4);
		expect(sim.peakBusy).toBe(2);
		expect(sim.requests.filter((r) => r.status === 503)).toHaveLength(4);
	});

	test('the rest wait in a queue for a free slot, and are served when one comes within queueMs', async () => {
		sim.latencyMs = 50;
		sim.capacity = { slots: 2, queueMs: 60_000 };
		const statuses = await burst(6);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
		expect(sim.peakBusy).toBe(2);
		sim.flushPostbacks();
		expect(conversions('a')).toHaveLength(6);
	});

	test('a refusal can be 429 with Retry-After, or 502', async () => {
		sim.latencyMs = 300;
		sim.capacity = { slots: 1, queueMs: 0, refuse: 429, retryAfterSeconds: 3 };
		expect(count(await burst(3), 429)).toBe(2);
		sim.capacity = { slots: 1, queueMs: 0, refuse: 502 };
		expect(count(await burst(3), 502)).toBe(2);
	});
});
