import { ids, Tracker } from './tracker';

let tracker: Tracker;
beforeEach(async () => {
	tracker = await Tracker.start();
});
afterEach(async () => tracker.stop());

const statusChanged = (fromStatus: string[], toStatus: string[], extra: object = {}) =>
	tracker.trigger({ event: 'conversionStatusChanged', fromStatus, toStatus, ...extra });

/** What the affiliate network's postbacks say, as Keitaro applies them (same click, same tid). */
function networkSays(...changes: Array<[subId: string, status: string, revenue?: number]>): void {
	tracker.applyPostbacks(
		...changes.map(([subid, status, revenue]) => ({
			subid,
			status,
			tid: tracker.sim.state.conversionsBySubId.get(subid)![0].tid,
			...(revenue === undefined ? {} : { payout: String(revenue) }),
		})),
	);
}

test('lead → sale, any → rejected, any → any: each change is emitted once, by the triggers that want it', async () => {
	for (const n of [1, 2, 3])
		tracker.conversion({ tid: `crm-${n}`, postback_datetime: tracker.ago(120) });
	const leadToSale = statusChanged(['lead'], ['sale']);
	const anyToRejected = statusChanged([], ['rejected']);
	const anyChange = statusChanged([], []);
	expect(await leadToSale.poll()).toEqual([]);
	expect(await anyToRejected.poll()).toEqual([]);
	expect(await anyChange.poll()).toEqual([]);

	tracker.advance(5);
	networkSays(['click-1', 'sale', 25], ['click-2', 'rejected']);
	const sales = await leadToSale.poll();
	expect(sales).toEqual([
		expect.objectContaining({
			conversion_id: 1,
			sub_id: 'click-1',
			tid: 'crm-1',
			previous_status: 'lead',
			status: 'sale',
			revenue: 25,
			// Keitaro keeps the conversion's time when the status changes
			postback_datetime: tracker.ago(125),
		}),
	]);
	expect(await anyToRejected.poll()).toEqual([
		expect.objectContaining({ conversion_id: 2, previous_status: 'lead', status: 'rejected' }),
	]);
	expect(await leadToSale.poll()).toEqual([]);
	expect(await anyToRejected.poll()).toEqual([]);
	expect(ids(await anyChange.poll())).toEqual([1, 2]);
	expect(await anyChange.poll()).toEqual([]);

	// a chargeback: sale → rejected
	tracker.advance(5);
	networkSays(['click-1', 'rejected']);
	expect(await leadToSale.poll()).toEqual([]);
	expect(await anyToRejected.poll()).toEqual([
		expect.objectContaining({ conversion_id: 1, previous_status: 'sale', status: 'rejected' }),
	]);
	expect(await anyToRejected.poll()).toEqual([]);
	expect(await anyChange.poll()).toEqual([
		expect.objectContaining({ conversion_id: 1, previous_status: 'sale', status: 'rejected' }),
	]);
	expect(tracker.sim.state.conversions.map((c) => c.status)).toEqual([
		'rejected',
		'rejected',
		'lead',
	]);
});

test('a conversion created and changed between two polls is emitted; one changed before activation is not', async () => {
	tracker.conversion({ tid: 'old', postback_datetime: tracker.ago(60) });
	networkSays(['click-1', 'sale']);
	const trigger = statusChanged(['lead'], ['sale']);
	expect(await trigger.poll()).toEqual([]);

	tracker.advance(1);
	tracker.conversion({ tid: 'new' });
	tracker.advance(1);
	networkSays(['click-2', 'sale']);
	expect(ids(await trigger.poll())).toEqual([2]);
	expect(await trigger.poll()).toEqual([]);
});

test('changes across a page boundary, sharing one conversion time, are each emitted once', async () => {
	const time = tracker.ago(30);
	for (let n = 1; n <= 1500; n++) tracker.conversion({ tid: `t${n}`, postback_datetime: time });
	const trigger = statusChanged(['lead'], ['sale', 'rejected']);
	await trigger.poll();
	networkSays(
		...tracker.sim.state.conversions.map((c): [string, string] => [
			c.sub_id,
			c.conversion_id % 3 ? 'sale' : 'rejected',
		]),
	);
	const emitted = await trigger.poll();
	expect(emitted).toHaveLength(1500);
	expect(new Set(ids(emitted)).size).toBe(1500);
	expect(await trigger.poll()).toEqual([]);
});

test('only conversions created within the watch window are watched; older fingerprints are forgotten', async () => {
	tracker.conversion({ tid: 'a', postback_datetime: tracker.ago(60) });
	tracker.conversion({ tid: 'b', postback_datetime: tracker.ago(60) });
	const trigger = statusChanged([], [], { options: { watchDays: 1 } });
	await trigger.poll();
	networkSays(['click-1', 'sale']);
	expect(ids(await trigger.poll())).toEqual([1]);
	expect(Object.values(trigger.state.seen as object).flat()).toEqual(['1:sale']);

	tracker.advance(24 * 60);
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.state.seen).toEqual({});
	// created more than a day ago: Keitaro's log cannot be asked for its change
	networkSays(['click-2', 'sale']);
	expect(await trigger.poll()).toEqual([]);
});

test('a manual run returns the newest conversions that made the change', async () => {
	for (const n of [1, 2, 3]) tracker.conversion({ tid: `crm-${n}` });
	networkSays(['click-1', 'sale'], ['click-2', 'rejected'], ['click-3', 'sale']);
	const trigger = statusChanged(['lead'], ['sale']);
	expect(ids(await trigger.poll('manual'))).toEqual([3, 1]);
	expect(trigger.stored).toBe('{}');
});
