import { MAX_REMEMBERED } from '../../nodes/KeitaroTrigger/logEvents';
import { TriggerUnderTest } from '../support/trigger';
import { ids, Tracker } from './tracker';

let tracker: Tracker;
beforeEach(async () => {
	tracker = await Tracker.start();
});
afterEach(async () => tracker.stop());

const newConversion = (extra: object = {}) => tracker.trigger({ event: 'newConversion', ...extra });

/** How many fingerprints the node keeps in its static data. */
const remembered = (trigger: TriggerUnderTest) =>
	Object.values(trigger.state.seen as Record<string, string[]>).flat().length;

test('the first activation emits nothing; later polls emit each new conversion once', async () => {
	for (let n = 0; n < 3; n++) tracker.conversion({ postback_datetime: tracker.ago(5) });
	const trigger = newConversion();

	expect(await trigger.poll()).toEqual([]);
	expect(remembered(trigger)).toBe(3);

	tracker.conversion({ status: 'sale', revenue: 30, tid: 'order-4' });
	tracker.conversion();
	const second = await trigger.poll();
	expect(ids(second)).toEqual([4, 5]);
	expect(second[0]).toMatchObject({
		conversion_id: 4,
		sub_id: 'click-4',
		tid: 'order-4',
		status: 'sale',
		previous_status: '',
		revenue: 30,
		postback_datetime: tracker.ago(0),
		campaign_id: 1,
		campaign: 'Spring AU',
		offer_id: 1,
		offer: 'Keto Max',
	});
	expect(await trigger.poll()).toEqual([]);

	tracker.advance(1);
	tracker.conversion();
	expect(ids(await trigger.poll())).toEqual([6]);
	expect(await trigger.poll()).toEqual([]);
});

test('conversions sharing a timestamp, across polls and across page boundaries, are each emitted once', async () => {
	const trigger = newConversion();
	await trigger.poll();
	const second = tracker.ago(0);

	for (let n = 0; n < 3; n++) tracker.conversion({ postback_datetime: second });
	expect(ids(await trigger.poll())).toEqual([1, 2, 3]);

	// 2,500 more in the same second: three pages of 1,000
	for (let n = 0; n < 2500; n++) tracker.conversion({ postback_datetime: second });
	const before = tracker.requestsTo('/conversions/log');
	const emitted = await trigger.poll();
	expect(tracker.requestsTo('/conversions/log') - before).toBe(3);
	expect(emitted).toHaveLength(2500);
	expect(new Set(ids(emitted)).size).toBe(2500);
	expect(ids(emitted)).toEqual(Array.from({ length: 2500 }, (_, n) => n + 4));
	expect(await trigger.poll()).toEqual([]);
});

test('a conversion Keitaro processes late, dated earlier, is emitted once when it shows up', async () => {
	tracker.click({ sub_id: 'late-click' });
	tracker.click({ sub_id: 'too-late-click' });
	const trigger = newConversion({ options: { lateArrivalMinutes: 60 } });
	await trigger.poll();

	// the network dates the conversion 20 minutes back; Keitaro's queue holds it
	await tracker.postback({
		subid: 'late-click',
		status: 'lead',
		tid: 'n-1',
		conversion_time: tracker.ago(20),
	});
	await tracker.postback({
		subid: 'too-late-click',
		status: 'lead',
		tid: 'n-2',
		conversion_time: tracker.ago(90),
	});
	tracker.advance(2);
	expect(await trigger.poll()).toEqual([]);

	tracker.advance(3);
	tracker.processPostbacks();
	const emitted = await trigger.poll();
	// older than the late-arrival window: missed, as the option says
	expect(emitted.map((e) => e.sub_id)).toEqual(['late-click']);
	expect(emitted[0].postback_datetime).toBe(tracker.ago(25));
	expect(await trigger.poll()).toEqual([]);
});

test('filters: campaign, offer, source, country, sub ID, and the status a conversion has when it appears', async () => {
	const trigger = newConversion({
		filters: {
			campaignId: 1,
			offerId: 1,
			trafficSourceId: 7,
			countryCode: 'de',
			subIds: { subId: [{ number: 2, value: 'fb-ads' }] },
			status: ['sale'],
		},
	});
	await trigger.poll();
	const matching = { ts_id: 7, country_code: 'DE', sub_ids: { sub_id_2: 'fb-ads' } };
	const sale = tracker.conversion({ status: 'sale', tid: 'a' }, matching);
	tracker.conversion({ status: 'sale', tid: 'b' }, { ...matching, campaign_id: 2 });
	tracker.conversion({ status: 'sale', tid: 'c' }, { ...matching, offer_id: 2 });
	tracker.conversion({ status: 'sale', tid: 'd' }, { ...matching, ts_id: 8 });
	tracker.conversion({ status: 'sale', tid: 'e' }, { ...matching, country_code: 'AU' });
	tracker.conversion({ status: 'sale', tid: 'f' }, { ...matching, sub_ids: { sub_id_2: 'tt' } });
	const lead = tracker.conversion({ status: 'lead', tid: 'g' }, matching);
	expect(ids(await trigger.poll())).toEqual([sale.conversion_id]);

	// the lead becomes a sale: not a new conversion (Conversion Status Changed follows that)
	await tracker.postback({ subid: lead.sub_id, status: 'sale', tid: 'g' });
	tracker.processPostbacks();
	expect(await trigger.poll()).toEqual([]);
	const request = JSON.parse(tracker.sim.requestsTo('/admin_api/v1/conversions/log').at(-1)!.body);
	expect(request.filters).toEqual([
		{ name: 'campaign_id', operator: 'EQUALS', expression: 1 },
		{ name: 'offer_id', operator: 'EQUALS', expression: 1 },
		{ name: 'ts_id', operator: 'EQUALS', expression: 7 },
		{ name: 'country_code', operator: 'EQUALS', expression: 'DE' },
		{ name: 'sub_id_2', operator: 'EQUALS', expression: 'fb-ads' },
	]);
	expect(request.range).toMatchObject({ timezone: 'UTC' });
});

test('Simplify outputs the usual fields; without it, the chosen columns', async () => {
	const simple = newConversion();
	const chosen = newConversion({ simplify: false, columns: ['sub_id_1', 'revenue', 'country'] });
	await simple.poll();
	await chosen.poll();
	tracker.conversion({ revenue: 12.5 }, { sub_ids: { sub_id_1: 'adset-9' }, country: 'Germany' });

	const [event] = await simple.poll();
	expect(event.click_id).toBe(event.sub_id);
	expect(Object.keys(event).sort()).toEqual(
		[
			'campaign',
			'campaign_id',
			// the click's subid under the name the Keitaro node's Update and Create take
			'click_id',
			'conversion_id',
			'offer',
			'offer_id',
			'postback_datetime',
			'previous_status',
			'revenue',
			'status',
			'sub_id',
			'tid',
		].sort(),
	);
	expect(await chosen.poll()).toEqual([
		{
			conversion_id: 1,
			postback_datetime: tracker.ago(0),
			status: 'lead',
			previous_status: '',
			sub_id_1: 'adset-9',
			revenue: 12.5,
			country: 'Germany',
		},
	]);
});

test('a manual run returns the newest matching conversions and leaves the stored state alone', async () => {
	for (let n = 0; n < 14; n++)
		tracker.conversion({
			status: n % 2 ? 'sale' : 'lead',
			postback_datetime: tracker.ago(60 * 24 * n),
		});
	const trigger = newConversion({ filters: { status: ['sale'] } });
	await trigger.poll();
	const stored = trigger.stored;

	const sample = await trigger.poll('manual');
	expect(ids(sample)).toEqual([14, 12, 10, 8, 6, 4, 2]);
	expect(sample.every((e) => e.status === 'sale')).toBe(true);
	expect(trigger.stored).toBe(stored);
});

test('a restart continues from the stored state: what happened meanwhile is emitted once', async () => {
	const before = newConversion();
	await before.poll();
	tracker.conversion();
	expect(ids(await before.poll())).toEqual([1]);

	// the workflow is off for three hours; n8n keeps the static data in its database
	tracker.advance(60);
	tracker.conversion();
	tracker.advance(60);
	tracker.conversion();
	tracker.advance(60);
	const after = newConversion();
	after.stored = before.stored;
	expect(ids(await after.poll())).toEqual([2, 3]);
	expect(await after.poll()).toEqual([]);
});

test('Backfill emits the conversions of the last minutes on the first activation only', async () => {
	tracker.conversion({ postback_datetime: tracker.ago(45) });
	tracker.conversion({ postback_datetime: tracker.ago(10) });
	const trigger = newConversion({ options: { backfillMinutes: 30 } });
	expect(ids(await trigger.poll())).toEqual([2]);
	expect(await trigger.poll()).toEqual([]);
});

test('changing the filters starts again from now instead of flooding', async () => {
	tracker.conversion({ postback_datetime: tracker.ago(5) }, { campaign_id: 2 });
	const trigger = newConversion({ filters: { campaignId: 1 } });
	await trigger.poll();
	trigger.parameters = { event: 'newConversion', filters: { campaignId: 2 } };
	expect(await trigger.poll()).toEqual([]);
	tracker.conversion({}, { campaign_id: 2 });
	expect(ids(await trigger.poll())).toEqual([2]);
});

test('the state stays bounded: old fingerprints are forgotten, and at most MAX_REMEMBERED are kept', async () => {
	const trigger = newConversion({ options: { lateArrivalMinutes: 60 } });
	await trigger.poll();
	tracker.conversion();
	tracker.conversion();
	await trigger.poll();
	expect(remembered(trigger)).toBe(2);

	// an hour and a minute later both are out of the window
	tracker.advance(61);
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.state).toMatchObject({ since: tracker.ago(60), seen: {} });

	// a burst bigger than the memory: two conversions a second for the last 50 minutes
	const burst = MAX_REMEMBERED + 1000;
	for (let n = burst; n > 0; n--) tracker.conversion({ postback_datetime: tracker.ago(n / 120) });
	expect(await trigger.poll()).toHaveLength(burst);
	expect(remembered(trigger)).toBeLessThanOrEqual(MAX_REMEMBERED);
	expect(remembered(trigger)).toBeGreaterThan(MAX_REMEMBERED - 2);
	expect(trigger.stored.length).toBeLessThan(120_000);
	// what was forgotten is outside the next window, so nothing comes twice
	expect(await trigger.poll()).toEqual([]);
	tracker.conversion();
	expect(await trigger.poll()).toHaveLength(1);
});

test('the window follows the tracker’s clock, not n8n’s: a tracker two days behind loses nothing', async () => {
	await tracker.stop();
	tracker = await Tracker.start(new Date(Date.now() - 2 * 86_400_000));
	tracker.conversion({ postback_datetime: tracker.ago(5) });
	const trigger = newConversion();
	expect(await trigger.poll()).toEqual([]);
	tracker.conversion();
	expect(ids(await trigger.poll())).toEqual([2]);
	expect(trigger.state.since).toBe(tracker.ago(60));
});
