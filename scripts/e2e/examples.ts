/**
 * What each workflow of examples/ must achieve when the real n8n runs it. Every example needs an
 * entry in EXPECTATIONS; the run fails for an example without one (or for an entry whose example
 * is gone), so a new example cannot slip through unchecked.
 *
 * `cli` examples (a Manual Trigger) run with `n8n execute`, each against a fresh, seeded
 * simulator. `server` examples (a polling trigger, a webhook, a form) are activated on the running
 * n8n and started the way production starts them (scripts/e2e/server-examples.ts); they share one
 * seeded simulator, in the order of SERVER_ORDER. Checked for every example: the run's status is
 * success, every Keitaro node produced items (except those the example's branch skips), no item
 * failed, the requests shown are masked, and neither the API key nor the postback key appears in
 * n8n's output or execution data. Then its own `output` (what the run shows) and `effect` (what
 * Keitaro, the simulator, and the Data Table hold afterwards).
 */
import type { IDataObject, INodeExecutionData, IRun, IWorkflowBase } from 'n8n-workflow';

import type { KeitaroSimulator } from '../../test/simulator';
import { KEITARO_TYPE } from '../../test/support/keitaro';

export interface ExampleExpectation {
	/** `cli`: `n8n execute`; `server`: activated on `n8n start` and triggered from outside */
	mode: 'cli' | 'server';
	/** Keitaro nodes on a branch this run does not take (the approve example's reject) */
	notRun?: string[];
	/** throws when the run's output does not show what the example should have produced */
	output?(run: IRun): void;
	/**
	 * throws when the simulator (and, for the Data Table examples, the rows of
	 * keitaro_conversion_requests; empty for the others) do not hold what the example should have done
	 */
	effect?(sim: KeitaroSimulator, table: IDataObject[]): void;
}

/** A field-by-field comparison with a message that says what differs. */
export function expectFields(
	what: string,
	actual: IDataObject | undefined,
	expected: IDataObject,
): void {
	const wrong = Object.entries(expected).filter(([key, value]) => actual?.[key] !== value);
	if (!actual || wrong.length) {
		const got = actual ? Object.fromEntries(wrong.map(([key]) => [key, actual[key]])) : 'nothing';
		throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
	}
}

const conversionOf = (sim: KeitaroSimulator, clickId: string, tid?: string) =>
	sim.state.conversionsBySubId
		.get(clickId)
		?.find((c) => tid === undefined || c.tid === tid) as unknown as IDataObject | undefined;

/** The items a node put on one output in the run's first execution of it. */
export function outputOf(run: IRun, node: string, output = 0): IDataObject[] {
	const items: INodeExecutionData[] =
		run.data.resultData.runData[node]?.[0]?.data?.main?.[output] ?? [];
	return items.map((item) => item.json);
}

/** The one row of the Data Table for a click. */
function rowFor(table: IDataObject[], clickId: string): IDataObject {
	const rows = table.filter((row) => row.click_id === clickId);
	if (rows.length !== 1)
		throw new Error(
			`keitaro_conversion_requests: expected one row for ${clickId}, found ${rows.length} (of ${table.length})`,
		);
	return rows[0];
}

/**
 * What the server examples send. The CRM moves demo-click-3 (a sale of 30) down to 22.5, a partial
 * refund: a sale → sale change, so it does not wake the lead → sale trigger that runs meanwhile.
 */
export const SERVER_INPUT = {
	/** the simulator's postback that the lead → sale trigger should announce */
	leadToSale: { subid: 'demo-click-1', status: 'sale', payout: '25', tid: 'crm-1001' },
	crmWebhook: {
		click_id: 'demo-click-3',
		tid: 'crm-1003',
		status: 'sale',
		amount: 22.5,
		requested_by: 'crm@example.com',
		reason: 'partial refund of order crm-1003',
		event_id: 'e2e-crm-event-1',
	},
	approver: 'finance@example.com',
};

/** Server examples run in this order on one simulator: approving needs the raised request. */
export const SERVER_ORDER = [
	'lead-became-sale-notification.json',
	'conversion-request-raise.json',
	'conversion-request-approve.json',
];

export const EXPECTATIONS: Record<string, ExampleExpectation> = {
	'lead-to-sale.json': {
		mode: 'cli',
		effect(sim) {
			expectFields('conversion of demo-click-1', conversionOf(sim, 'demo-click-1'), {
				status: 'sale',
				revenue: 25,
				previous_status: 'lead',
			});
			expectFields('conversion of demo-click-2', conversionOf(sim, 'demo-click-2'), {
				status: 'sale',
				revenue: 40,
				previous_status: 'lead',
			});
		},
	},
	'revenue-adjustment.json': {
		mode: 'cli',
		effect(sim) {
			expectFields('conversion of demo-click-3', conversionOf(sim, 'demo-click-3'), {
				status: 'sale',
				revenue: 18.5,
			});
			expectFields('conversion of demo-click-4', conversionOf(sim, 'demo-click-4'), {
				status: 'rejected',
				revenue: 0,
				previous_status: 'sale',
			});
		},
	},
	'conversions-export.json': {
		mode: 'cli',
		output(run) {
			expectFields(
				'"Keitaro: conversions as CSV files"',
				outputOf(run, 'Keitaro: conversions as CSV files')[0],
				{
					fileName: 'conversions-0001.csv',
					rows: 5,
				},
			);
			// n8n stored the file and its own Extract from File node read every row back
			const tids = outputOf(run, 'Read each file back').map((row) => row.tid);
			const expected = ['crm-1001', 'crm-1002', 'crm-1003', 'crm-1004', 'crm-1006'];
			if (JSON.stringify(tids) !== JSON.stringify(expected))
				throw new Error(
					`the CSV file read back has the tids ${JSON.stringify(tids)}, expected ${JSON.stringify(expected)}`,
				);
		},
	},
	'reconciliation-file.json': {
		mode: 'cli',
		output(run) {
			const invalid = outputOf(run, 'Keitaro: raise requests', 1);
			const refused = JSON.stringify(invalid.map((r) => [r.subid, r.reason_code]));
			const expected = JSON.stringify([
				['demo-click-3', 'NO_CHANGE'],
				['demo-click-9', 'NO_CLICK'],
				['demo-click-2', 'INVALID_ROW'],
			]);
			if (refused !== expected)
				throw new Error(`the file's invalid rows are ${refused}, expected ${expected}`);
			const processed = outputOf(run, 'Keitaro: process');
			if (processed.length !== 4 || processed.some((r) => r.request_status !== 'processed'))
				throw new Error(
					`"Keitaro: process": expected 4 processed requests, got ${JSON.stringify(processed.map((r) => [r.click_id, r.request_status, r.reason_code]))}`,
				);
			expectFields('"Keitaro: summary"', outputOf(run, 'Keitaro: summary')[0], {
				total: 7,
				processed: 4,
				rejected: 3,
				failed: 0,
				accounted_for: true,
			});
		},
		effect(sim) {
			expectFields('conversion of demo-click-1', conversionOf(sim, 'demo-click-1'), {
				status: 'sale',
				revenue: 25,
			});
			expectFields('conversion of demo-click-2', conversionOf(sim, 'demo-click-2'), {
				status: 'sale',
				revenue: 40,
			});
			expectFields('conversion of demo-click-4', conversionOf(sim, 'demo-click-4'), {
				status: 'rejected',
				revenue: 0,
			});
			expectFields(
				'conversion offline-55 of demo-click-5',
				conversionOf(sim, 'demo-click-5', 'offline-55'),
				{ status: 'lead', revenue: 19.9 },
			);
			// refused rows change nothing
			expectFields('conversion of demo-click-3', conversionOf(sim, 'demo-click-3'), {
				status: 'sale',
				revenue: 30,
			});
		},
	},
	'lead-became-sale-notification.json': {
		mode: 'server',
		output(run) {
			const payload = outputOf(run, 'Notification payload');
			const announcing = payload.filter((item) => item.order_id === 'crm-1001');
			if (payload.length !== 1 || announcing.length !== 1)
				throw new Error(
					`"Notification payload" should announce crm-1001 once, it holds ${JSON.stringify(payload)}`,
				);
			expectFields('"Notification payload"', payload[0], {
				channel: '#sales',
				text: 'New sale: Spring AU / Keto Max (payout from postback), order crm-1001 (click demo-click-1) moved from lead to sale, revenue 25 USD',
				conversion_id: 1,
				order_id: 'crm-1001',
				revenue: 25,
			});
		},
	},
	'conversion-request-raise.json': {
		mode: 'server',
		effect(sim, table) {
			expectFields('the stored request of demo-click-3', rowFor(table, 'demo-click-3'), {
				type: 'change',
				request_status: 'inquired',
				version: 1,
				tid: 'crm-1003',
				target_status: 'sale',
				revenue: 22.5,
				snapshot_status: 'sale',
				snapshot_revenue: 30,
				requested_by: 'crm@example.com',
				idempotency_key: 'key:e2e-crm-event-1',
			});
			// raising changes nothing in Keitaro
			expectFields('conversion of demo-click-3', conversionOf(sim, 'demo-click-3'), {
				status: 'sale',
				revenue: 30,
			});
		},
	},
	'conversion-request-approve.json': {
		mode: 'server',
		notRun: ['Keitaro: reject'],
		effect(sim, table) {
			expectFields('conversion of demo-click-3', conversionOf(sim, 'demo-click-3'), {
				status: 'sale',
				revenue: 22.5,
			});
			expectFields('the stored request of demo-click-3', rowFor(table, 'demo-click-3'), {
				request_status: 'processed',
				version: 3,
				decided_by: 'finance@example.com',
				result_status: 'sale',
				result_revenue: 22.5,
			});
		},
	},
};

/** Fails unless examples/ and EXPECTATIONS name the same files. */
export function checkCoverage(files: string[]): void {
	const unchecked = files.filter((file) => !EXPECTATIONS[file]);
	const stale = Object.keys(EXPECTATIONS).filter((file) => !files.includes(file));
	const empty = Object.keys(EXPECTATIONS).filter(
		(file) => files.includes(file) && !EXPECTATIONS[file].output && !EXPECTATIONS[file].effect,
	);
	const problems = [
		...empty.map(
			(file) => `EXPECTATIONS names examples/${file} but checks neither output nor effect`,
		),
		...unchecked.map(
			(file) =>
				`examples/${file} has no expectation: add what it must do to EXPECTATIONS in scripts/e2e/examples.ts`,
		),
		...stale.map(
			(file) =>
				`EXPECTATIONS in scripts/e2e/examples.ts names examples/${file}, which does not exist`,
		),
	];
	if (problems.length) throw new Error(problems.join('\n'));
}

/** Why `n8n execute` cannot run this workflow, or undefined when it can. */
export function cannotExecute(workflow: IWorkflowBase): string | undefined {
	// n8n's `execute` starts only at these (findCliWorkflowStart in n8n/dist/utils.js);
	// a polling-trigger example needs the workflow activated on the running server instead
	const startTypes = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.executeWorkflowTrigger'];
	if (!workflow.nodes.some((node) => startTypes.includes(node.type))) {
		return `it has no Manual Trigger; \`n8n execute\` only starts workflows at ${startTypes.join(' or ')}`;
	}
	// n8n ignores longer IDs when it runs from the CLI (isWorkflowIdValid)
	if (!workflow.id || workflow.id.length > 21) return `its "id" must be 1 to 21 characters`;
	return undefined;
}

/** Triggers the running server starts a workflow from (scripts/e2e/server-examples.ts drives each). */
export const SERVER_TRIGGERS = [
	'n8n-nodes-keitaro-tracker.keitaroTrigger',
	'n8n-nodes-base.webhook',
	'n8n-nodes-base.formTrigger',
];

/**
 * Fails unless each example's mode fits it: a `cli` example can be started by `n8n execute`, a
 * `server` one starts at a trigger the server runs and has its place in SERVER_ORDER.
 */
export function checkModes(examples: Array<{ file: string; workflow: IWorkflowBase }>): void {
	const problems: string[] = [];
	for (const { file, workflow } of examples) {
		const expectation = EXPECTATIONS[file];
		if (!expectation) continue;
		if (expectation.mode === 'cli') {
			const reason = cannotExecute(workflow);
			if (reason) problems.push(`examples/${file} cannot be run from the CLI: ${reason}`);
		} else {
			if (!workflow.nodes.some((node) => SERVER_TRIGGERS.includes(node.type)))
				problems.push(
					`examples/${file} has no trigger the server starts (${SERVER_TRIGGERS.join(', ')})`,
				);
			if (!SERVER_ORDER.includes(file))
				problems.push(`examples/${file} runs on the server but SERVER_ORDER does not name it`);
		}
	}
	const stale = SERVER_ORDER.filter((file) => EXPECTATIONS[file]?.mode !== 'server');
	if (stale.length) problems.push(`SERVER_ORDER names ${stale.join(', ')}, not server examples`);
	if (problems.length) throw new Error(problems.join('\n'));
}

/** The checks every example gets; returns a one-line summary of the Keitaro nodes' output. */
export function checkRun(
	workflow: IWorkflowBase,
	run: IRun,
	rawOutput: string,
	secrets: Record<string, string>,
	notRun: string[] = [],
): string {
	const error = run.data.resultData.error;
	if (run.status !== 'success' || error) {
		throw new Error(`the run's status is ${run.status}${error ? `: ${error.message}` : ''}`);
	}
	for (const [name, secret] of Object.entries(secrets)) {
		if (rawOutput.includes(secret)) throw new Error(`the ${name} appears in n8n's output`);
	}
	const summary: string[] = [];
	for (const node of workflow.nodes.filter((n) => n.type === KEITARO_TYPE)) {
		const ran = run.data.resultData.runData[node.name] !== undefined;
		if (notRun.includes(node.name)) {
			if (ran) throw new Error(`"${node.name}" ran, but this run's branch should skip it`);
			continue;
		}
		const items: INodeExecutionData[] =
			run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
		if (!items.length) throw new Error(`"${node.name}" produced no items`);
		items.forEach((item, index) => checkItem(node.name, index, item.json));
		const masked = items.filter((i) => i.json.request || i.json.keitaro_request).length;
		summary.push(`${node.name}: ${items.length} item(s), ${masked} with the request masked`);
	}
	return summary.join('; ');
}

/**
 * Operations put out Keitaro's records, or with Include Request Details an envelope (`success`,
 * `data`, `request`); Conversion Request operations put out the request record (its postback in
 * `keitaro_request`). An item fails if it says so (an `error`, as Continue On Fail puts out, or
 * `success` other than true in an envelope), and whatever request it shows must be masked.
 */
function checkItem(nodeName: string, index: number, json: IDataObject): void {
	const where = `"${nodeName}" item ${index}`;
	if (('success' in json && json.success !== true) || json.error !== undefined)
		throw new Error(`${where} failed: ${JSON.stringify(json.error ?? json)}`);
	const postback = typeof json.keitaro_request === 'string' ? json.keitaro_request : '';
	if (postback.includes('/postback') && !postback.includes('/***/postback')) {
		throw new Error(`${where} shows the postback URL with its key: ${postback}`);
	}
	const request = json.request as IDataObject | undefined;
	if (!request) return;
	const headers = (request.headers ?? {}) as IDataObject;
	for (const name of ['Api-Key', 'Authorization']) {
		if (headers[name] !== undefined && !/^(Bearer )?\*\*\*$/.test(String(headers[name]))) {
			throw new Error(`${where} shows the ${name} header unmasked`);
		}
	}
	const url = String(request.url ?? '');
	if (url.includes('/postback') && !url.includes('/***/postback')) {
		throw new Error(`${where} shows the postback URL with its key: ${url}`);
	}
}
