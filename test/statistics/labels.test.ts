import { addCampaign, addClick, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addCampaign(sim.state, { id: 4 });
	addClick(sim.state, { sub_id: 'x1', campaign_id: 4, source: 'site-a.com' });
	addClick(sim.state, { sub_id: 'x2', campaign_id: 4, source: 'site b' });
	addClick(sim.state, { sub_id: 'x3', campaign_id: 4, source: 'site-c.com' });
});
afterEach(async () => sim.stop());

const labels = (operation: string, extra: object = {}) => ({
	resource: 'statistics',
	operation,
	campaignId: 4,
	refName: 'source',
	label: 'blacklist',
	...extra,
});

test('Update Labels marks the values; Get Labels and report filters see them', async () => {
	const updated = await runKeitaro(
		sim,
		labels('updateLabels', { values: 'site-a.com\nsite b, site-a.com' }),
	);
	expect(updated.error).toBeUndefined();
	expect(JSON.parse(sim.requests[0].body)).toEqual({
		campaign_id: 4,
		ref_name: 'source',
		items: { 'site-a.com': 'blacklist', 'site b': 'blacklist' },
	});
	expect(sim.state.labels).toEqual([
		{ campaign_id: 4, ref_name: 'source', value: 'site-a.com', label: 'blacklist' },
		{ campaign_id: 4, ref_name: 'source', value: 'site b', label: 'blacklist' },
	]);
	expect(updated.items[0].json).toMatchObject({ count: 2, values: ['site-a.com', 'site b'] });

	const got = await runKeitaro(sim, labels('getLabels'));
	expect(jsonOf(got.items)).toEqual([
		{ campaign_id: 4, column: 'source', value: 'site-a.com', label: 'blacklist' },
		{ campaign_id: 4, column: 'source', value: 'site b', label: 'blacklist' },
	]);
	expect(sim.requests.at(-1)!.query).toBe('?campaign_id=4&ref_name=source&label_name=blacklist');

	const report = await runKeitaro(sim, {
		resource: 'statistics',
		operation: 'buildReport',
		dateRange: 'allTime',
		returnAll: true,
		dimensions: ['source'],
		measures: ['clicks'],
		filters: {
			columnFilters: {
				filter: [{ column: 'source', operator: 'NOT_HAS_LABEL', value: 'Blacklist' }],
			},
		},
	});
	expect(jsonOf(report.items)).toEqual([{ source: 'site-c.com', clicks: 1 }]);
});

test('a missing campaign ID or empty values stop before any request', async () => {
	const noCampaign = await runKeitaro(sim, labels('getLabels', { campaignId: 0 }));
	expect(noCampaign.error?.message).toBe('Campaign ID is empty');
	const noValues = await runKeitaro(sim, labels('updateLabels', { values: ' \n, ' }));
	expect(noValues.error?.message).toBe('Values is empty');
	expect(sim.requests).toHaveLength(0);
});

test('Keitaro’s not-found for an unknown campaign is explained', async () => {
	const { error } = await runKeitaro(sim, labels('getLabels', { campaignId: 99 }));
	expect(error?.message).toBe('Not found in Keitaro (404): Traffic\\Model\\Campaign #99 not found');
});
