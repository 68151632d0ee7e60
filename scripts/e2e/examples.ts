/**
 * What each workflow of examples/ must achieve when the real n8n runs it. Every example needs an
 * entry in EXPECTATIONS; the run fails for an example without one (or for an entry whose example
 * is gone), so a new example cannot slip through unchecked.
 *
 * Each example runs against a fresh, seeded simulator. Checked for every example: the run's
 * status is success, every Keitaro node produced items, the requests shown in the output are
 * masked, and neither the API key nor the postback key appears anywhere in n8n's output.
 * Then its own `effect`: what Keitaro (the simulator) holds afterwards.
 */
import type { IDataObject, INodeExecutionData, IRun, IWorkflowBase } from 'n8n-workflow';

import type { KeitaroSimulator } from '../../test/simulator';
import { KEITARO_TYPE } from '../../test/support/keitaro';

export interface ExampleExpectation {
	/** throws when the simulator does not hold what the example should have done */
	effect(sim: KeitaroSimulator): void;
}

/** A field-by-field comparison with a message that says what differs. */
function expectFields(what: string, actual: IDataObject | undefined, expected: IDataObject): void {
	const wrong = Object.entries(expected).filter(([key, value]) => actual?.[key] !== value);
	if (!actual || wrong.length) {
		const got = actual ? Object.fromEntries(wrong.map(([key]) => [key, actual[key]])) : 'nothing';
		throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`);
	}
}

const conversionOf = (sim: KeitaroSimulator, clickId: string) =>
	sim.state.conversionsBySubId.get(clickId)?.[0] as IDataObject | undefined;

export const EXPECTATIONS: Record<string, ExampleExpectation> = {
	'lead-to-sale.json': {
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
};

/** Fails unless examples/ and EXPECTATIONS name the same files. */
export function checkCoverage(files: string[]): void {
	const unchecked = files.filter((file) => !EXPECTATIONS[file]);
	const stale = Object.keys(EXPECTATIONS).filter((file) => !files.includes(file));
	const problems = [
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

/** The checks every example gets; returns a one-line summary of the Keitaro nodes' output. */
export function checkRun(
	workflow: IWorkflowBase,
	run: IRun,
	rawOutput: string,
	secrets: Record<string, string>,
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
		const items: INodeExecutionData[] =
			run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
		if (!items.length) throw new Error(`"${node.name}" produced no items`);
		items.forEach((item, index) => checkItem(node.name, index, item.json));
		summary.push(
			`${node.name}: ${items.length} item(s), ${items.filter((i) => i.json.request).length} with the request masked`,
		);
	}
	return summary.join('; ');
}

function checkItem(nodeName: string, index: number, json: IDataObject): void {
	const where = `"${nodeName}" item ${index}`;
	if (json.success !== true)
		throw new Error(`${where} failed: ${JSON.stringify(json.error ?? json)}`);
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
