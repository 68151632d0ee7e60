import { addCampaign, addClick, addConversion, type KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addCampaign(sim.state, { id: 1 });
	addCampaign(sim.state, { id: 2 });
	addClick(sim.state, { sub_id: 'old', campaign_id: 1, datetime: '2026-02-28 23:00:00' });
	addClick(sim.state, { sub_id: 'in1', campaign_id: 1, datetime: '2026-03-01 10:00:00' });
	addClick(sim.state, { sub_id: 'in2', campaign_id: 2, datetime: '2026-03-01 11:00:00' });
	addConversion(sim.state, { sub_id: 'in1', status: 'sale', revenue: 10 });
	addConversion(sim.state, { sub_id: 'old', status: 'lead' });
});
afterEach(async () => sim.stop());

const cleanStats = (extra: object) => ({
	resource: 'click',
	operation: 'cleanStats',
	start: '2026-03-01',
	end: '2026-03-01',
	timezone: 'Europe/Berlin',
	...extra,
});
const subIds = () => sim.state.clicks.map((c) => c.sub_id);

test('nothing is sent, nothing deleted, without Confirm Deletion', async () => {
	const { error } = await runKeitaro(sim, cleanStats({}));
	expect(error?.message).toBe(
		'Confirm Deletion is off: the node did not delete the clicks and conversions of this period',
	);
	expect((error?.context as { code?: string })?.code).toBe('INVALID_INPUT');
	expect(sim.requests).toHaveLength(0);
	expect(subIds()).toEqual(['old', 'in1', 'in2']);
});

test('deletes the period’s clicks and conversions in one campaign, counted in the time zone', async () => {
	const { items, error } = await runKeitaro(
		sim,
		cleanStats({ confirmDeletion: true, campaignId: 1 }),
	);
	expect(error).toBeUndefined();
	expect(JSON.parse(sim.requests[0].body)).toEqual({
		start_date: '2026-03-01 00:00',
		end_date: '2026-03-01 23:59',
		timezone: 'Europe/Berlin',
		campaign_id: 1,
	});
	// 23:00 UTC on Feb 28 is March 1 in Berlin
	expect(subIds()).toEqual(['in2']);
	expect(sim.state.conversions).toHaveLength(0);
	expect(items[0].json).toMatchObject({ scheduled: true, campaign_id: 1 });
});

test('Campaign ID 0 cleans the period in every campaign', async () => {
	await runKeitaro(sim, cleanStats({ confirmDeletion: true, timezone: 'UTC' }));
	expect(JSON.parse(sim.requests[0].body)).not.toHaveProperty('campaign_id');
	expect(subIds()).toEqual(['old']);
});
