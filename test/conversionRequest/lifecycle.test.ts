/**
 * A conversion request from raise to processed, through real workflows, with the change checked in
 * the simulator: the governed path from lead to sale, and a missing conversion created.
 */
import type { IDataObject } from 'n8n-workflow';

import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1, payout_auto: true });
	addClick(sim.state, { sub_id: 'lead-click', offer_id: 1 });
	addClick(sim.state, { sub_id: 'lost-click', offer_id: 1 });
	addConversion(sim.state, {
		conversion_id: 50,
		sub_id: 'lead-click',
		tid: 'crm-50',
		status: 'lead',
		revenue: 0,
	});
});
afterEach(async () => sim.stop());

const step = async (operation: string, parameters: IDataObject, items?: IDataObject[]) => {
	const { items: out, error } = await runKeitaro(
		sim,
		{ resource: 'conversionRequest', operation, ...parameters },
		items ? { items } : {},
	);
	expect(error).toBeUndefined();
	return jsonOf(out);
};
const postbacks = () => sim.requests.filter((r) => r.path.endsWith('/postback'));

test('change existing: raise → accept → process moves the lead to sale, once', async () => {
	const [raised] = await step('raise', {
		requestType: 'change',
		clickId: 'lead-click',
		tid: 'crm-50',
		targetStatus: 'sale',
		requestedBy: 'partner@example.com',
		additionalFields: { revenue: 42, reason: 'CRM shows the order as paid' },
	});
	expect(raised).toMatchObject({
		request_id: expect.stringMatching(/^cr_[0-9a-f]{24}$/),
		type: 'change',
		request_status: 'inquired',
		version: 1,
		click_id: 'lead-click',
		tid: 'crm-50',
		conversion_id: 50,
		target_status: 'sale',
		revenue: 42,
		snapshot_status: 'lead',
		snapshot_revenue: 0,
		requested_by: 'partner@example.com',
		reason: 'CRM shows the order as paid',
	});
	expect(postbacks()).toHaveLength(0);

	const [accepted] = await step('accept', { actor: 'manager@example.com' }, [raised]);
	expect(accepted).toMatchObject({
		request_status: 'accepted',
		version: 2,
		decided_by: 'manager@example.com',
		last_transition: 'inquired → accepted',
	});
	expect(postbacks()).toHaveLength(0);

	const [processed] = await step('process', {}, [accepted]);
	expect(processed).toMatchObject({
		request_status: 'processed',
		version: 3,
		result_status: 'sale',
		result_revenue: 42,
		attempts: 1,
		keitaro_answer: 'Success',
		keitaro_request: expect.stringContaining(
			'/***/postback?subid=lead-click&status=sale&payout=42&tid=crm-50',
		),
		last_transition: 'accepted → processed',
	});
	expect(sim.state.conversionsBySubId.get('lead-click')).toMatchObject([
		{ conversion_id: 50, status: 'sale', previous_status: 'lead', revenue: 42 },
	]);
	expect(postbacks()).toHaveLength(1);
});

test('create new: a missing conversion is created with its tid', async () => {
	const [raised] = await step('raise', {
		requestType: 'create',
		clickId: 'lost-click',
		tid: 'offline-7',
		targetStatus: 'sale',
		requestedBy: 'ops',
		additionalFields: { revenue: 18 },
	});
	expect(raised).toMatchObject({
		type: 'create',
		request_status: 'inquired',
		conversion_id: null,
		snapshot_status: '',
	});
	const [accepted] = await step('accept', { actor: 'finance' }, [raised]);
	const [processed] = await step('process', {}, [accepted]);
	expect(processed).toMatchObject({
		request_status: 'processed',
		result_status: 'sale',
		result_revenue: 18,
	});
	const created = sim.state.conversionsBySubId.get('lost-click')!;
	expect(created).toMatchObject([{ tid: 'offline-7', status: 'sale', revenue: 18 }]);
	expect(processed.conversion_id).toBe(created[0].conversion_id);
});

test('a request read back from storage with numbers as text still works', async () => {
	const [raised] = await step('raise', {
		requestType: 'change',
		clickId: 'lead-click',
		tid: 'crm-50',
		targetStatus: 'rejected',
		requestedBy: 'a',
	});
	const asStored = Object.fromEntries(
		Object.entries(raised).map(([k, v]) => [k, v === null ? '' : String(v)]),
	);
	const [accepted] = await step('accept', { actor: 'b' }, [asStored]);
	expect(accepted).toMatchObject({
		request_status: 'accepted',
		version: 2,
		conversion_id: 50,
		revenue: null,
	});
});
