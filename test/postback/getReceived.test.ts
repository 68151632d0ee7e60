import { addClick, addOffer, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, payout_auto: true, payout_upsell: false });
	addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
	addClick(sim.state, { sub_id: 'c2', offer_id: 1 });
	// a sale, a second sale Keitaro refuses (no upsells), a postback for an unknown click,
	// and one about another click
	for (const query of [
		'subid=c1&status=sale&payout=5&tid=a',
		'subid=c1&status=sale&payout=5&tid=b',
		'subid=nope&status=lead',
		'subid=c2&status=lead',
	]) {
		await fetch(`${sim.url}/${sim.postbackKey}/postback?${query}`);
		await sim.idle();
	}
	sim.requests.splice(0);
});
afterEach(async () => sim.stop());

const getReceived = (extra: object = {}) => ({
	resource: 'postback',
	operation: 'getReceived',
	returnAll: true,
	...extra,
});

test('shows what became of each postback of a click, and why one was ignored', async () => {
	const { items, error } = await runKeitaro(sim, getReceived({ clickId: 'c1' }));
	expect(error).toBeUndefined();
	const postbacks = jsonOf(items);
	expect(postbacks).toHaveLength(2);
	expect(postbacks[0]).toMatchObject({
		click_id: 'c1',
		status: 'sale',
		tid: 'b',
		ignored: true,
		outcome: 'Conversion is already exists. Postback ignored.',
		url: '/***/postback?subid=c1&status=sale&payout=5&tid=b',
	});
	expect(postbacks[0].lines).toEqual([
		'Received postback /***/postback?subid=c1&status=sale&payout=5&tid=b',
		'Using "c1" as subid. Postback added to queue.',
		'Conversion is already exists. Postback ignored.',
	]);
	expect(postbacks[1]).toMatchObject({
		tid: 'a',
		ignored: false,
		outcome: 'Conversion #1 created: sale 5',
	});
	expect(JSON.stringify(items)).not.toContain(sim.postbackKey);
	expect(sim.requests.map((r) => r.path)).toEqual(['/admin_api/v1/logs/postbacks']);
});

test('without a click ID: every postback, newest first, up to the limit', async () => {
	const { items } = await runKeitaro(sim, getReceived({ returnAll: false, limit: 2 }));
	expect(jsonOf(items).map((p) => [p.click_id, p.ignored, p.outcome])).toEqual([
		['c2', false, 'Conversion #2 created: lead 10'],
		['nope', true, 'SubID not found "nope"'],
	]);
	// Limit counts postbacks; Lines to Search (2000) bounds the log lines read, a page at a time
	expect(sim.requests[0].query).toBe('?offset=0&limit=1000');
});
