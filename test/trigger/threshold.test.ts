import { Tracker } from './tracker';

let tracker: Tracker;
beforeEach(async () => {
	tracker = await Tracker.start(new Date('2026-11-20T12:00:00Z'));
});
afterEach(async () => tracker.stop());

const threshold = (parameters: object) =>
	tracker.trigger({ event: 'reportThreshold', timezone: 'UTC', ...parameters });

const sale = (campaignId: number, revenue: number, tid = `t${revenue}`) =>
	tracker.conversion({ status: 'sale', revenue, tid }, { campaign_id: campaignId });

test('revenue per campaign rises above a value: fires once per crossing, again after it fell back', async () => {
	const trigger = threshold({
		metric: 'revenue',
		groupBy: 'campaign',
		condition: 'risesAbove',
		threshold: 100,
	});
	sale(1, 50);
	sale(2, 150);
	// campaign 2 is above already: the first activation only takes note
	expect(await trigger.poll()).toEqual([]);

	const refunded = sale(1, 60);
	expect(await trigger.poll()).toEqual([
		{
			campaign_id: 1,
			campaign: 'Spring AU',
			revenue: 110,
			threshold: { metric: 'revenue', condition: 'risesAbove', value: 100 },
		},
	]);
	expect(await trigger.poll()).toEqual([]);
	sale(1, 5);
	expect(await trigger.poll()).toEqual([]);

	// a chargeback takes campaign 1 back under 100; a new sale crosses again
	tracker.applyPostbacks({ subid: refunded.sub_id, status: 'rejected', tid: refunded.tid });
	expect(await trigger.poll()).toEqual([]);
	sale(1, 80);
	expect(await trigger.poll()).toEqual([expect.objectContaining({ campaign_id: 1, revenue: 135 })]);
	expect(await trigger.poll()).toEqual([]);

	// Today starts again at midnight: the next day's crossings fire again
	tracker.advance(24 * 60);
	expect(await trigger.poll()).toEqual([]);
	sale(2, 120);
	expect(await trigger.poll()).toEqual([expect.objectContaining({ campaign_id: 2, revenue: 120 })]);
	const request = JSON.parse(tracker.sim.requestsTo('/admin_api/v1/report/build').at(-1)!.body);
	expect(request).toMatchObject({
		range: { interval: 'today', timezone: 'UTC' },
		grouping: ['campaign_id', 'campaign'],
		metrics: ['revenue'],
	});
});

test('profit of the whole tracker falls below a value: fires once per crossing down', async () => {
	const trigger = threshold({
		metric: 'profit',
		groupBy: 'none',
		condition: 'fallsBelow',
		threshold: 0,
	});
	sale(1, 10);
	expect(await trigger.poll()).toEqual([]);

	tracker.click({ cost: 15 });
	expect(await trigger.poll()).toEqual([
		{ profit: -5.05, threshold: { metric: 'profit', condition: 'fallsBelow', value: 0 } },
	]);
	tracker.click({ cost: 1 });
	expect(await trigger.poll()).toEqual([]);

	sale(2, 30);
	expect(await trigger.poll()).toEqual([]);
	tracker.click({ cost: 40 });
	expect(await trigger.poll()).toEqual([expect.objectContaining({ profit: -16.1 })]);
	expect(await trigger.poll()).toEqual([]);
});

test('a restart keeps which groups are past the threshold', async () => {
	const before = threshold({ metric: 'sales', groupBy: 'campaign', threshold: 1 });
	await before.poll();
	sale(1, 10, 'a');
	sale(1, 10, 'b');
	expect(await before.poll()).toEqual([expect.objectContaining({ campaign_id: 1, sales: 2 })]);

	const after = threshold({ metric: 'sales', groupBy: 'campaign', threshold: 1 });
	after.stored = before.stored;
	expect(await after.poll()).toEqual([]);
	expect(after.state).toEqual({ event: 'reportThreshold', key: expect.any(String), past: ['1'] });
});

test('switching the event forgets what the other event remembered', async () => {
	const trigger = tracker.trigger({ event: 'newConversion' });
	tracker.conversion();
	await trigger.poll();
	expect(trigger.state.seen).toEqual({ [tracker.ago(0)]: ['1'] });

	trigger.parameters = { event: 'reportThreshold', metric: 'revenue', timezone: 'UTC' };
	expect(await trigger.poll()).toEqual([]);
	expect(trigger.state).toEqual({ event: 'reportThreshold', key: expect.any(String), past: [] });
});

test('a manual run returns the groups past the threshold now', async () => {
	sale(1, 50);
	sale(2, 150);
	const trigger = threshold({ metric: 'revenue', threshold: 100 });
	expect(await trigger.poll('manual')).toEqual([
		expect.objectContaining({ campaign_id: 2, campaign: 'Autumn DE', revenue: 150 }),
	]);
	expect(trigger.stored).toBe('{}');
});
