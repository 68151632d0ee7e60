import { commonPollingParameters } from 'n8n-core/dist/nodes-loader/constants';
import type { IDataObject, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { Keitaro } from '../nodes/Keitaro/Keitaro.node';
import { KeitaroTrigger } from '../nodes/KeitaroTrigger/KeitaroTrigger.node';
import { seedDemo, type KeitaroSimulator } from './simulator';
import { coreDescription, nodeOutput } from './support/engine';
import { loadExamples, runExample } from './support/examples';
import { KEITARO_TYPE, startSimulator } from './support/keitaro';
import { KEITARO_TRIGGER_TYPE, TriggerUnderTest } from './support/trigger';

const examples = loadExamples();
let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	seedDemo(sim.state, sim.now());
});
afterEach(async () => sim.stop());

/** A package node's description as n8n's loader serves it: a polling trigger gains Poll Times. */
const served = ({ description }: INodeType): INodeTypeDescription => ({
	...description,
	properties: [...(description.polling ? commonPollingParameters : []), ...description.properties],
});
const PACKAGE_NODES: Record<string, INodeTypeDescription> = {
	[KEITARO_TYPE]: served(new Keitaro()),
	[KEITARO_TRIGGER_TYPE]: served(new KeitaroTrigger()),
};

const conversion = (subId: string) => sim.state.conversionsBySubId.get(subId)![0];
const run = async (file: string, emitted?: IDataObject[]) => {
	const example = examples.find((e) => e.file === file)!;
	const result = await runExample(
		example,
		sim,
		{ [KEITARO_TYPE]: new Keitaro(), [KEITARO_TRIGGER_TYPE]: new KeitaroTrigger() },
		emitted?.map((json) => ({ json })),
	);
	expect(result.data.resultData.error).toBeUndefined();
	return result;
};

test('every example is an importable workflow whose nodes exist and whose parameters n8n accepts', () => {
	expect(examples.map((e) => e.file)).toEqual(
		expect.arrayContaining([
			'lead-became-sale-notification.json',
			'lead-to-sale.json',
			'revenue-adjustment.json',
			'reconciliation-file.json',
			'conversion-request-raise.json',
			'conversion-request-approve.json',
			'conversions-export.json',
		]),
	);
	for (const { file, workflow } of examples) {
		expect(workflow.name).toMatch(/^Keitaro/);
		const names = new Set(workflow.nodes.map((n) => n.name));
		for (const [from, connection] of Object.entries(workflow.connections)) {
			expect(names.has(from)).toBe(true);
			for (const target of (connection.main ?? []).flat())
				expect(names.has(target!.node)).toBe(true);
		}
		for (const node of workflow.nodes) {
			const description = PACKAGE_NODES[node.type] ?? coreDescription(node.type, node.typeVersion);
			expect({ file, node: node.name, known: description !== undefined }).toEqual({
				file,
				node: node.name,
				known: true,
			});
			// n8n fills in defaults when it imports a workflow, then checks for missing required values
			const parameters = NodeHelpers.getNodeParameters(
				description!.properties,
				node.parameters,
				true,
				false,
				node,
				description!,
			)!;
			const issues = NodeHelpers.getNodeParametersIssues(
				description!.properties,
				{ ...node, parameters },
				description!,
			);
			expect({ file, node: node.name, issues }).toEqual({ file, node: node.name, issues: null });
			if (!PACKAGE_NODES[node.type]) continue;
			expect(node.credentials).toEqual({
				keitaroApi: { id: 'keitaroDemo', name: 'Keitaro (demo simulator)' },
			});
			// a parameter the node does not show for this operation would be silently dropped by n8n
			const dropped = Object.keys(node.parameters).filter((key) => !(key in parameters));
			expect({ file, node: node.name, dropped }).toEqual({ file, node: node.name, dropped: [] });
		}
	}
});

test('lead-became-sale-notification: the trigger’s test run finds the lead that became a sale, the payload tells it', async () => {
	const result = await run('lead-became-sale-notification.json');
	expect(nodeOutput(result, 'Keitaro Trigger: lead became a sale').map((i) => i.json)).toEqual([
		expect.objectContaining({
			conversion_id: 5,
			sub_id: 'demo-click-6',
			tid: 'crm-1006',
			previous_status: 'lead',
			status: 'sale',
			revenue: 35,
		}),
	]);
	expect(nodeOutput(result, 'Notification payload').map((i) => i.json)).toEqual([
		{
			channel: '#sales',
			text: 'New sale: Spring AU / Keto Max (payout from postback), order crm-1006 (click demo-click-6) moved from lead to sale, revenue 35 USD',
			conversion_id: 5,
			order_id: 'crm-1006',
			revenue: 35,
		},
	]);
});

test('lead-became-sale-notification, active: a lead that becomes a sale is announced once', async () => {
	const example = examples.find((e) => e.file === 'lead-became-sale-notification.json')!;
	const trigger = new TriggerUnderTest(
		sim,
		example.workflow.nodes.find((n) => n.type === KEITARO_TRIGGER_TYPE)!.parameters,
	);
	// activation: the sale of demo-click-6 happened before, it is not news
	expect(await trigger.poll()).toEqual([]);

	await fetch(
		`${sim.url}/${sim.postbackKey}/postback?subid=demo-click-1&status=sale&payout=25&tid=crm-1001`,
	);
	sim.flushPostbacks();
	const emitted = await trigger.poll();
	const result = await run('lead-became-sale-notification.json', emitted);
	expect(nodeOutput(result, 'Notification payload').map((i) => i.json)).toEqual([
		{
			channel: '#sales',
			text: 'New sale: Spring AU / Keto Max (payout from postback), order crm-1001 (click demo-click-1) moved from lead to sale, revenue 25 USD',
			conversion_id: 1,
			order_id: 'crm-1001',
			revenue: 25,
		},
	]);
	expect(await trigger.poll()).toEqual([]);
});

test('lead-to-sale: the CRM events move both leads to sale with their amounts', async () => {
	const result = await run('lead-to-sale.json');
	const out = nodeOutput(result, 'Keitaro: lead to sale').map((i) => i.json);
	expect(out).toMatchObject([
		{
			click_id: 'demo-click-1',
			before: { status: 'lead' },
			after: { status: 'sale', revenue: 25 },
			confirmed: true,
		},
		{
			click_id: 'demo-click-2',
			before: { status: 'lead' },
			after: { status: 'sale', revenue: 40 },
			confirmed: true,
		},
	]);
	expect(conversion('demo-click-1')).toMatchObject({
		status: 'sale',
		previous_status: 'lead',
		revenue: 25,
	});
	expect(conversion('demo-click-2')).toMatchObject({
		status: 'sale',
		previous_status: 'lead',
		revenue: 40,
	});
});

test('revenue-adjustment: a partial refund lowers revenue, a chargeback rejects the sale', async () => {
	const result = await run('revenue-adjustment.json');
	const items = nodeOutput(result, 'Keitaro: set revenue').map((i) => i.json);
	expect(items.map((i) => i.data)).toMatchObject([
		{ before: { status: 'sale', revenue: 30 }, after: { status: 'sale', revenue: 18.5 } },
		{ before: { status: 'sale', revenue: 45 }, after: { status: 'rejected', revenue: 0 } },
	]);
	// Include Request Details: the postback sent, its key masked
	expect(items[0].request).toMatchObject({
		method: 'GET',
		url: `${sim.url}/***/postback?subid=demo-click-3&status=sale&payout=18.5&tid=crm-1003`,
	});
	expect(conversion('demo-click-3')).toMatchObject({ status: 'sale', revenue: 18.5 });
	expect(conversion('demo-click-4')).toMatchObject({
		status: 'rejected',
		previous_status: 'sale',
		revenue: 0,
	});
});

test('reconciliation-file: every row of the file ends processed or rejected, and the summary says so', async () => {
	const result = await run('reconciliation-file.json');
	const invalid = nodeOutput(result, 'Keitaro: raise requests', 1).map((i) => i.json);
	expect(invalid.map((r) => [r.subid, r.reason_code])).toEqual([
		['demo-click-3', 'NO_CHANGE'],
		['demo-click-9', 'NO_CLICK'],
		['demo-click-2', 'INVALID_ROW'],
	]);
	const processed = nodeOutput(result, 'Keitaro: process').map((i) => i.json);
	expect(
		processed.map((r) => [r.click_id, r.request_status, r.result_status, r.result_revenue]),
	).toEqual([
		['demo-click-1', 'processed', 'sale', 25],
		['demo-click-2', 'processed', 'sale', 40],
		['demo-click-4', 'processed', 'rejected', 0],
		['demo-click-5', 'processed', 'lead', 19.9],
	]);
	const [summary] = nodeOutput(result, 'Keitaro: summary').map((i) => i.json);
	expect(summary).toMatchObject({
		total: 7,
		processed: 4,
		rejected: 3,
		failed: 0,
		accounted_for: true,
	});
	expect(conversion('demo-click-1')).toMatchObject({ status: 'sale', revenue: 25 });
	expect(sim.state.conversionsBySubId.get('demo-click-5')).toMatchObject([
		{ tid: 'offline-55', status: 'lead', revenue: 19.9 },
	]);
});

test('conversions-export: the log comes out as a CSV file that n8n’s Extract from File reads back whole', async () => {
	const result = await run('conversions-export.json');
	const files = nodeOutput(result, 'Keitaro: conversions as CSV files');
	expect(files.map((i) => [i.json, i.binary?.data?.fileName, i.binary?.data?.data])).toEqual([
		[
			{ fileName: 'conversions-0001.csv', page: 1, offset: 0, rows: 5 },
			'conversions-0001.csv',
			'filesystem-v2',
		],
	]);
	const rows = nodeOutput(result, 'Read each file back').map((i) => i.json);
	expect(rows.map((r) => [r.sub_id, r.tid, r.status, r.revenue])).toEqual(
		sim.state.conversions.map((c) => [c.sub_id, c.tid, c.status, String(c.revenue)]),
	);
});
