/**
 * Bad input fails before anything is sent: the message names the field and what is wrong, the
 * description says how to fix it, and the simulator sees no request at all.
 */
import type { KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.stop());
beforeEach(() => sim.requests.splice(0));

const update = (extra: object) => ({
	resource: 'conversion',
	operation: 'update',
	conversionId: '101',
	conversionData: '{"click_id": "abc", "status": "sale", "revenue": 25}',
	...extra,
});

test.each([
	[
		'an empty conversion ID',
		update({ conversionId: '  ' }),
		'Conversion ID is empty',
		/Enter the Keitaro conversion ID/,
	],
	[
		'a conversion ID that is not a number',
		update({ conversionId: 'abc-1' }),
		'Conversion ID "abc-1" is not a number',
		/Find Conversion By/,
	],
	[
		'Conversion Data that is not JSON',
		update({ conversionData: '{"click_id": "abc", status: sale}' }),
		/^Conversion Data is not valid JSON: /,
		/Example: \{"click_id"/,
	],
	['empty Conversion Data', update({ conversionData: '' }), 'Conversion Data is empty', /Example/],
	[
		'Conversion Data that is a list',
		update({ conversionData: '[1,2]' }),
		'Conversion Data must be a JSON object',
		/Example/,
	],
	[
		'Conversion Data without click_id',
		update({ conversionData: '{"status": "sale"}' }),
		'Conversion Data has no click_id',
		/subid/,
	],
	[
		'an unknown status',
		update({ conversionData: '{"click_id": "abc", "status": "won"}' }),
		'Conversion Data: unknown status "won"',
		/lead, sale, rejected, rebill/,
	],
	[
		'negative revenue',
		update({ conversionData: '{"click_id": "abc", "status": "sale", "revenue": -5}' }),
		'Conversion Data: revenue -5 is negative',
		/rejected/,
	],
	[
		'revenue that is not a number',
		update({ conversionData: '{"click_id": "abc", "revenue": "lots"}' }),
		'Conversion Data: revenue "lots" is not a number',
		/e\.g\. 25/,
	],
	[
		'an unknown key (a typo)',
		update({ conversionData: '{"click_id": "abc", "stauts": "sale"}' }),
		'Conversion Data has an unknown key "stauts"',
		/Allowed keys/,
	],
	[
		'a currency that is not a code',
		update({ conversionData: '{"click_id": "abc", "currency": "dollars"}' }),
		'Conversion Data: currency "dollars" is not a currency code',
		/three-letter/,
	],
	[
		'a sub ID beyond sub_id_30',
		update({ conversionData: '{"click_id": "abc", "sub_id_31": "x"}' }),
		'Conversion Data has "sub_id_31"',
		/sub_id_30/,
	],
	[
		'Fields mode without a click ID',
		update({ inputMode: 'fields', clickId: '={{ "" }}', status: 'sale' }),
		'Fields has no click_id',
		/subid/,
	],
	[
		'a tid in Update (it comes from the conversion)',
		update({ conversionData: '{"click_id": "abc", "tid": "x"}' }),
		'Conversion Data has an unknown key "tid"',
		/Allowed keys/,
	],
	[
		'an unknown time zone',
		{ resource: 'conversion', operation: 'getMany', dateRange: 'today', timezone: 'Mars/Olympus' },
		'Time Zone "Mars/Olympus" is not a known time zone',
		/IANA/,
	],
	[
		'a custom range that ends before it starts',
		{
			resource: 'conversion',
			operation: 'getMany',
			dateRange: 'custom',
			dateFrom: '2026-03-02',
			dateTo: '2026-03-01',
			timezone: 'UTC',
		},
		'From (2026-03-02) is after To (2026-03-01)',
		/Swap/,
	],
	[
		'a custom range with a date that is not one',
		{
			resource: 'conversion',
			operation: 'getMany',
			dateRange: 'custom',
			dateFrom: 'yesterday-ish',
			dateTo: '2026-03-01',
			timezone: 'UTC',
		},
		'From "yesterday-ish" is not a date',
		/2026-03-01/,
	],
])('%s', async (_, parameters, message, description) => {
	const { error } = await runKeitaro(sim, parameters);
	expect(error).toBeDefined();
	if (typeof message === 'string') expect(error!.message).toBe(message);
	else expect(error!.message).toMatch(message);
	expect(error!.description).toMatch(description);
	expect(sim.requests).toHaveLength(0);
});

test('a credential without a postback key is named before any request', async () => {
	const { error } = await runKeitaro(sim, update({}), { credentials: { postbackSecret: '' } });
	expect(error?.message).toBe('The Keitaro credential has no Postback Key');
	expect(error?.description).toMatch(/Settings → Postback URL/);
	expect(sim.requests).toHaveLength(0);
});

test('a credential without a tracker URL is named before any request', async () => {
	const { error } = await runKeitaro(
		sim,
		{ resource: 'conversion', operation: 'get', conversionId: '1' },
		{ credentials: { url: '' } },
	);
	expect(error?.message).toBe('The Keitaro credential has no Tracker URL');
	expect(sim.requests).toHaveLength(0);
});

test('Continue On Fail: bad items become error items, good items go on', async () => {
	const { items, error } = await runKeitaro(
		sim,
		{
			resource: 'conversion',
			operation: 'update',
			conversionId: '={{ $json.id }}',
			conversionData: '={{ $json.data }}',
		},
		{
			items: [
				{ id: '', data: '{"click_id": "a", "status": "sale"}' },
				{ id: '5', data: '{"status": "sale"}' },
			],
			node: { onError: 'continueRegularOutput' },
		},
	);
	expect(error).toBeUndefined();
	// n8n's shape: the message in `error`, the rest in `details`
	expect(items.map((i) => i.json)).toEqual([
		{
			error: 'Conversion ID is empty',
			details: expect.objectContaining({ code: 'INVALID_INPUT', status: null, request: null }),
		},
		{
			error: 'Conversion Data has no click_id',
			details: expect.objectContaining({ code: 'INVALID_INPUT', request: null }),
		},
	]);
	expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(sim.requests).toHaveLength(0);
});
