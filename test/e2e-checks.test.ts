/* eslint-disable */
/**
 * The end-to-end run's checks (scripts/e2e/examples.ts) reject what they exist to catch: an
 * example without an expectation, a leaked key, an unmasked request, a failed run, and a
 * simulator the example did not change. Without this, a check that can never fail would pass.
 */
import type { IDataObject, IRun, IWorkflowBase } from 'n8n-workflow';

import { cannotExecute, checkCoverage, checkRun, EXPECTATIONS } from '../scripts/e2e/examples';
import { KeitaroSimulator, seedDemo } from './simulator';
import { loadExamples } from './support/examples';
import { keitaroWorkflow } from './support/keitaro';

const workflow = {
	id: 'kE2eCheck',
	name: 'Keitaro: check',
	...keitaroWorkflow({}),
} as unknown as IWorkflowBase;

const runWith = (json: IDataObject, status = 'success'): IRun =>
	({
		status,
		data: { resultData: { runData: { Keitaro: [{ data: { main: [[{ json }]] } }] } } },
	}) as unknown as IRun;

const secrets = { 'API key': 'e2e-api-0123456789', 'postback key': 'pbk42' };
const masked = {
	success: true,
	request: {
		method: 'GET',
		url: 'http://127.0.0.1:1/***/postback?subid=c1',
		headers: { 'Api-Key': '***' },
	},
};

test('every example in examples/ has an expectation', () => {
	expect(() => checkCoverage(loadExamples().map((e) => e.file))).not.toThrow();
});

test('an example without an expectation, or an expectation without its example, fails the run', () => {
	const files = [...Object.keys(EXPECTATIONS), 'new-example.json'];
	expect(() => checkCoverage(files)).toThrow('examples/new-example.json has no expectation');
	expect(() => checkCoverage(files.slice(1, -1))).toThrow(
		`names examples/${Object.keys(EXPECTATIONS)[0]}`,
	);
});

test('a masked, successful run passes; leaks, unmasked requests and failures do not', () => {
	expect(checkRun(workflow, runWith(masked), JSON.stringify(masked), secrets)).toMatch(
		'Keitaro: 1 item(s)',
	);
	expect(() =>
		checkRun(workflow, runWith(masked), `{"x":"${secrets['postback key']}"}`, secrets),
	).toThrow("the postback key appears in n8n's output");
	const keyInUrl = {
		...masked,
		request: { ...masked.request, url: 'http://127.0.0.1:1/other/postback' },
	};
	expect(() => checkRun(workflow, runWith(keyInUrl), '', secrets)).toThrow(
		'postback URL with its key',
	);
	const header = { ...masked, request: { ...masked.request, headers: { 'Api-Key': 'plain' } } };
	expect(() => checkRun(workflow, runWith(header), '', secrets)).toThrow('Api-Key header unmasked');
	expect(() => checkRun(workflow, runWith(masked, 'error'), '', secrets)).toThrow(
		"the run's status is error",
	);
	expect(() =>
		checkRun(workflow, runWith({ success: false, error: { message: 'no' } }), '', secrets),
	).toThrow('failed');
});

test("no example's effect check accepts the untouched demo data", () => {
	const sim = new KeitaroSimulator();
	seedDemo(sim.state, sim.now());
	for (const expectation of Object.values(EXPECTATIONS))
		expect(() => expectation.effect(sim)).toThrow();
});

test('a workflow that `n8n execute` cannot start is named with the reason', () => {
	const polling = { ...workflow, nodes: workflow.nodes.slice(1) } as IWorkflowBase;
	expect(cannotExecute(workflow)).toBeUndefined();
	expect(cannotExecute(polling)).toMatch('no Manual Trigger');
	expect(cannotExecute({ ...workflow, id: 'x'.repeat(22) })).toMatch('1 to 21 characters');
});
