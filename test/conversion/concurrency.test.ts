/**
 * How many requests the node has at Keitaro at once, counted at the simulator (no timing
 * thresholds): never more than Max Concurrency; adaptive starts at 4 and grows while answers are
 * clean; against a tracker that serves only a few at once it backs off and still applies every
 * row. The controller's arithmetic is in test/concurrency.test.ts.
 */
import {
	addCampaign,
	addClick,
	addConversion,
	addOffer,
	type KeitaroSimulator,
} from '../simulator';
import type { CapacityConfig } from '../simulator/server';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

const ROWS = 200;
let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator({ latencyMs: 20 });
	addOffer(sim.state, { id: 1, payout_auto: true });
	for (let i = 0; i < ROWS; i++) {
		addClick(sim.state, { sub_id: `click-${i}`, offer_id: 1 });
		addConversion(sim.state, {
			conversion_id: i + 1,
			sub_id: `click-${i}`,
			tid: `order-${i}`,
			status: 'lead',
			revenue: 0,
		});
	}
});
afterEach(async () => sim.stop());

const items = Array.from({ length: ROWS }, (_, i) => ({
	conversion_id: i + 1,
	click_id: `click-${i}`,
	revenue: 25,
}));

/** Conversion → Update of every row (lead → sale 25), as a CRM export drives it */
const updateAll = (options: object) =>
	runKeitaro(
		sim,
		{
			resource: 'conversion',
			operation: 'update',
			conversionId: '={{ $json.conversion_id }}',
			inputMode: 'fields',
			clickId: '={{ $json.click_id }}',
			status: 'sale',
			additionalFields: { revenue: '={{ $json.revenue }}' },
			options,
		},
		{ items, node: { onError: 'continueRegularOutput' } },
	);

const postbacks = () => sim.requests.filter((r) => r.path.endsWith('/postback'));
const applied = () =>
	sim.state.conversions.filter((c) => c.status === 'sale' && Number(c.revenue) === 25).length;
const refused = () => sim.requests.filter((r) => r.status === 429 || (r.status ?? 0) >= 500).length;

test.each([true, false])(
	'never more postbacks at once than Max Concurrency (adaptive: %s)',
	async (adaptive) => {
		const { items: out, error } = await updateAll({
			concurrency: 8,
			adaptiveConcurrency: adaptive,
		});
		expect(error).toBeUndefined();
		expect(out).toHaveLength(ROWS);
		expect(applied()).toBe(ROWS);
		const peak = Math.max(...postbacks().map((r) => r.inFlight!));
		if (adaptive) expect(peak).toBeLessThanOrEqual(8);
		else expect(peak).toBe(8);
	},
);

test('adaptive starts at 4 and grows while Keitaro answers fast and cleanly', async () => {
	const { error } = await updateAll({ concurrency: 64 });
	expect(error).toBeUndefined();
	const inFlight = postbacks().map((r) => r.inFlight!);
	// a round is 8 clean answers: until then no more than 4 are sent at once
	expect(Math.max(...inFlight.slice(0, 8))).toBeLessThanOrEqual(4);
	expect(Math.max(...inFlight)).toBeGreaterThan(4);
	expect(Math.max(...inFlight)).toBeLessThanOrEqual(64);
	expect(applied()).toBe(ROWS);
});

describe.each<[string, CapacityConfig]>([
	['503', { slots: 4, queueMs: 0 }],
	['429 with Retry-After', { slots: 4, queueMs: 0, refuse: 429, retryAfterSeconds: 1 }],
])('a tracker that serves 4 at once and answers the rest %s', (_, capacity) => {
	test('adaptive backs off and applies every row; fixed at the same ceiling is refused far more often', async () => {
		sim.capacity = capacity;
		const adaptive = await updateAll({ concurrency: 64 });
		expect(adaptive.error).toBeUndefined();
		// every row accounted: one item each, each confirmed in the conversions log
		expect(jsonOf(adaptive.items)).toHaveLength(ROWS);
		expect(jsonOf(adaptive.items).filter((r) => r.confirmed === true)).toHaveLength(ROWS);
		expect(applied()).toBe(ROWS);
		expect(sim.peakBusy).toBe(4);
		const adaptiveRefused = refused();
		expect(adaptiveRefused).toBeGreaterThan(0); // it did meet the limit

		sim.requests.length = 0;
		for (const c of sim.state.conversions) Object.assign(c, { status: 'lead', revenue: 0 });
		const fixed = await updateAll({ concurrency: 64, adaptiveConcurrency: false });
		expect(jsonOf(fixed.items)).toHaveLength(ROWS);
		expect(adaptiveRefused * 3).toBeLessThan(refused());
	});
});

test('Admin API item operations follow the same limit', async () => {
	for (let id = 1; id <= 30; id++) addCampaign(sim.state, { id });
	const { items: out, error } = await runKeitaro(
		sim,
		{
			resource: 'campaign',
			operation: 'get',
			campaignId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
			options: { concurrency: 3 },
		},
		{ items: Array.from({ length: 30 }, (_, n) => ({ id: n + 1 })) },
	);
	expect(error).toBeUndefined();
	expect(jsonOf(out).map((c) => c.id)).toEqual(Array.from({ length: 30 }, (_, n) => n + 1));
	expect(sim.peakInFlight).toBeLessThanOrEqual(3);
	expect(sim.peakInFlight).toBeGreaterThan(1);
});
