import { ids, Tracker } from './tracker';

let tracker: Tracker;
beforeEach(async () => {
	tracker = await Tracker.start();
});
afterEach(async () => tracker.stop());

test('emits each new click matching campaign, sub ID and country once', async () => {
	const trigger = tracker.trigger({
		event: 'newClick',
		filters: {
			campaignId: 2,
			countryCode: 'AU',
			subIds: { subId: [{ number: 1, value: 'adset-7' }] },
		},
	});
	const matching = { campaign_id: 2, country_code: 'AU', sub_ids: { sub_id_1: 'adset-7' } };
	tracker.click({ ...matching, datetime: tracker.ago(3) });
	expect(await trigger.poll()).toEqual([]);

	const wanted = tracker.click(matching);
	tracker.click({ ...matching, campaign_id: 1 });
	tracker.click({ ...matching, country_code: 'DE' });
	tracker.click({ ...matching, sub_ids: { sub_id_1: 'adset-8' } });
	const [event, ...more] = await trigger.poll();
	expect(more).toEqual([]);
	expect(event).toEqual({
		click_id: wanted.click_id,
		sub_id: wanted.sub_id,
		datetime: tracker.ago(0),
		campaign_id: 2,
		campaign: 'Autumn DE',
		offer_id: 1,
		offer: 'Keto Max',
		ts_id: 0,
		country_code: 'AU',
		source: 'fb',
	});
	expect(await trigger.poll()).toEqual([]);

	// Keitaro writes clicks in batches: one dated a minute back shows up after the poll
	tracker.advance(2);
	const late = tracker.click({ ...matching, datetime: tracker.ago(3) });
	expect(ids(await trigger.poll(), 'click_id')).toEqual([late.click_id]);
	expect(await trigger.poll()).toEqual([]);
});

test('a manual run returns the newest matching clicks', async () => {
	for (let n = 0; n < 12; n++) tracker.click({ campaign_id: 1 + (n % 2) });
	const trigger = tracker.trigger({
		event: 'newClick',
		simplify: false,
		columns: ['sub_id', 'os'],
		filters: { campaignId: 1 },
	});
	const sample = await trigger.poll('manual');
	expect(ids(sample, 'click_id')).toEqual([11, 9, 7, 5, 3, 1]);
	expect(sample[0]).toEqual({
		click_id: 11,
		datetime: tracker.ago(0),
		sub_id: 'click-11',
		os: 'Android',
	});
});
