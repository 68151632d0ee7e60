/* eslint-disable */
/**
 * The end-to-end run's checks (scripts/e2e/examples.ts) reject what they exist to catch: an
 * example without an expectation, a leaked key, an unmasked request, a failed run, and a
 * simulator the example did not change. Without this, a check that can never fail would pass.
 */
import type { IDataObject, IRun, IWorkflowBase } from 'n8n-workflow';

import {
	cannotExecute,
	checkCoverage,
	checkModes,
	checkRun,
	EXPECTATIONS,
	SERVER_ORDER,
} from '../scripts/e2e/examples';
import { parseFlatted } from '../scripts/e2e/server-examples';
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
	// Continue On Fail's error item
	expect(() =>
		checkRun(workflow, runWith({ error: 'no', details: { code: 'NOT_FOUND' } }), '', secrets),
	).toThrow('failed');
});

test("no example's effect check accepts the untouched demo data and an empty Data Table", () => {
	const sim = new KeitaroSimulator();
	seedDemo(sim.state, sim.now());
	for (const expectation of Object.values(EXPECTATIONS))
		if (expectation.effect) expect(() => expectation.effect!(sim, [])).toThrow();
});

test("no example's output check accepts a run that produced nothing", () => {
	const empty = { status: 'success', data: { resultData: { runData: {} } } } as unknown as IRun;
	for (const expectation of Object.values(EXPECTATIONS))
		if (expectation.output) expect(() => expectation.output!(empty)).toThrow();
});

test('every example is checked for its output or its effect, in a mode that can start it', () => {
	const examples = loadExamples();
	for (const { file } of examples) {
		const { output, effect } = EXPECTATIONS[file];
		expect({ file, checked: Boolean(output || effect) }).toEqual({ file, checked: true });
	}
	expect(() => checkModes(examples)).not.toThrow();
	const webhook = examples.find((e) => e.file === SERVER_ORDER[1])!;
	expect(() => checkModes([{ file: 'lead-to-sale.json', workflow: webhook.workflow }])).toThrow(
		'cannot be run from the CLI',
	);
	const manual = examples.find((e) => e.file === 'lead-to-sale.json')!;
	expect(() => checkModes([{ file: SERVER_ORDER[1], workflow: manual.workflow }])).toThrow(
		'no trigger the server starts',
	);
});

test('Conversion Request records (no envelope) pass unless they carry an error or an unmasked postback', () => {
	const record = {
		request_id: 'cr_1',
		request_status: 'processed',
		keitaro_request: 'GET http://127.0.0.1:1/***/postback?subid=c1',
	};
	expect(checkRun(workflow, runWith(record), '', secrets)).toMatch(
		'Keitaro: 1 item(s), 1 with the request masked',
	);
	expect(() => checkRun(workflow, runWith({ ...record, error: 'boom' }), '', secrets)).toThrow(
		'failed',
	);
	expect(() =>
		checkRun(
			workflow,
			runWith({ ...record, keitaro_request: 'GET http://127.0.0.1:1/pbk42/postback?subid=c1' }),
			'',
			secrets,
		),
	).toThrow('postback URL with its key');
	expect(() => checkRun(workflow, runWith({ success: false, data: {} }), '', secrets)).toThrow(
		'failed',
	);
});

test('a Keitaro node on the branch the run skips must not run; any other must', () => {
	const skipped = {
		status: 'success',
		data: { resultData: { runData: {} } },
	} as unknown as IRun;
	expect(() => checkRun(workflow, skipped, '', secrets)).toThrow('produced no items');
	expect(checkRun(workflow, skipped, '', secrets, ['Keitaro'])).toBe('');
	expect(() => checkRun(workflow, runWith(masked), '', secrets, ['Keitaro'])).toThrow(
		'should skip it',
	);
});

test('stored execution data (flatted) is read back with its shared and circular parts', () => {
	// what flatted.stringify({ a: 'x', list: [{ b: 1 }, 'x'], self: <root> }) gives
	const text = '[{"a":"1","list":"2","self":"0"},"x",["3","1"],{"b":1}]';
	const value = parseFlatted(text) as any;
	expect(value.a).toBe('x');
	expect(value.list).toEqual([{ b: 1 }, 'x']);
	expect(value.self).toBe(value);
});

test('a workflow that `n8n execute` cannot start is named with the reason', () => {
	const polling = { ...workflow, nodes: workflow.nodes.slice(1) } as IWorkflowBase;
	expect(cannotExecute(workflow)).toBeUndefined();
	expect(cannotExecute(polling)).toMatch('no Manual Trigger');
	expect(cannotExecute({ ...workflow, id: 'x'.repeat(22) })).toMatch('1 to 21 characters');
});
