/* eslint-disable */
/**
 * Secrets never leak: every operation runs, on success and on its error paths, with distinctive API
 * and postback keys; neither key may appear in outputs, error messages, error descriptions, the run
 * data n8n stores, or anything the engine logs. Keitaro itself echoes keys back (a wrong postback key,
 * the received-postbacks log): the node must scrub them.
 */
import { LoggerProxy } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { operationFor } from '../nodes/Keitaro/actions/router';
import { Keitaro } from '../nodes/Keitaro/Keitaro.node';
import { listOperations } from '../scripts/operations-doc';
import { addClick, addConversion, addOffer, KeitaroSimulator } from './simulator';
import { credentialsFor, runKeitaro } from './support/keitaro';
import { selfSignedCertificate } from './support/tls';

const API_KEY = 'SECRET-API-KEY-9f8e7d6c5b4a';
const WRONG_API_KEY = 'WRONG-API-KEY-0a1b2c3d4e5f';
const POSTBACK_KEY = 'PBK-SECRET-31337';
const WRONG_POSTBACK_KEY = 'PBK-WRONG-42424';
const SECRETS = [API_KEY, WRONG_API_KEY, POSTBACK_KEY, WRONG_POSTBACK_KEY];

interface Case {
	name: string;
	parameters: IDataObject;
	/** input items (Conversion Request records); one empty item when absent */
	items?: IDataObject[];
	/** prepare the simulator (scripted answers, faults) */
	arrange?: (sim: KeitaroSimulator) => void;
	/** credential fields to change; a function when they exist only once the simulators run */
	credentials?: IDataObject | (() => IDataObject);
	expectError: boolean;
}

const echoKey = (sim: KeitaroSimulator) =>
	sim.scriptAnswer({
		status: 422,
		body: JSON.stringify({ api_key: [`Key ${API_KEY} is not allowed here`] }),
	});

const record = (fields: IDataObject): IDataObject => ({
	request_id: 'cr_0123456789abcdef01234567',
	type: 'change',
	request_status: 'inquired',
	version: 1,
	click_id: 'c1',
	tid: 't1',
	conversion_id: 1,
	target_status: 'sale',
	revenue: 5,
	snapshot_status: 'lead',
	snapshot_revenue: 0,
	requested_by: 'alice',
	...fields,
});
const row = { subid: 'c1', payout: '5', tid: 't1', status: 'sale', requested_by: 'alice' };

/** Per operation: success and error paths. Every operation of the node must be listed. */
const CASES: Record<string, Case[]> = {
	'conversion.update': [
		{
			name: 'success',
			expectError: false,
			parameters: {
				conversionId: '1',
				conversionData: '{"click_id":"c1","status":"sale","revenue":5}',
			},
		},
		{
			name: 'not confirmed: Keitaro’s log lines (with the key in URLs) go into the error',
			expectError: true,
			arrange: (sim) => (sim.postbackDelayMs = 60_000),
			parameters: {
				conversionId: '1',
				conversionData: '{"click_id":"c1","status":"sale"}',
				options: { confirmTimeout: 1 },
			},
		},
		{
			name: 'the postback never answered: sent again, looked up, reported',
			expectError: true,
			arrange: (sim) => sim.setFaults({ rate: 1, kinds: ['timeout'], scope: 'postback' }),
			parameters: {
				conversionId: '1',
				conversionData: '{"click_id":"c1","status":"sale"}',
				options: { timeout: 1, confirmTimeout: 1 },
			},
		},
		{
			name: 'wrong postback key (Keitaro echoes it)',
			expectError: true,
			credentials: { postbackSecret: WRONG_POSTBACK_KEY },
			parameters: { conversionId: '1', conversionData: '{"click_id":"c1","status":"sale"}' },
		},
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: { conversionId: '1', conversionData: '{"click_id":"c1","status":"sale"}' },
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { conversionId: '1', conversionData: '{"click_id":"c1","status":"sale"}' },
		},
	],
	'conversion.create': [
		{
			name: 'TLS: the tracker’s self-signed certificate refused',
			expectError: true,
			credentials: () => ({ url: tlsSim.url }),
			parameters: { conversionData: '{"click_id":"c2","status":"lead","tid":"x1"}' },
		},
		{
			name: 'success',
			expectError: false,
			parameters: { conversionData: '{"click_id":"c2","status":"lead","tid":"x1"}' },
		},
		{
			name: 'already exists',
			expectError: true,
			parameters: { conversionData: '{"click_id":"c1","status":"lead","tid":"t1"}' },
		},
		{
			name: 'wrong postback key',
			expectError: true,
			credentials: { postbackSecret: WRONG_POSTBACK_KEY },
			parameters: { conversionData: '{"click_id":"c2","status":"lead","tid":"x2"}' },
		},
	],
	'conversion.get': [
		{ name: 'success', expectError: false, parameters: { conversionId: '1' } },
		{
			name: 'no answer within the Timeout option (retried, then reported)',
			expectError: true,
			arrange: (sim) => sim.setFaults({ rate: 1, kinds: ['timeout'], scope: 'admin' }),
			parameters: { conversionId: '1', options: { timeout: 1 } },
		},
		{ name: 'not found', expectError: true, parameters: { conversionId: '999' } },
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { conversionId: '1' },
		},
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: { conversionId: '1' },
		},
	],
	'conversionRequest.raise': [
		{
			name: 'success',
			expectError: false,
			parameters: {
				requestType: 'change',
				clickId: 'c1',
				tid: 't1',
				targetStatus: 'sale',
				requestedBy: 'alice',
			},
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: {
				requestType: 'change',
				clickId: 'c1',
				tid: 't1',
				targetStatus: 'sale',
				requestedBy: 'alice',
			},
		},
	],
	'conversionRequest.import': [
		{ name: 'success', expectError: false, parameters: { requestedBy: 'ops' }, items: [row] },
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: { requestedBy: 'ops' },
			items: [row],
		},
	],
	'conversionRequest.accept': [
		{ name: 'success', expectError: false, parameters: { actor: 'bob' }, items: [record({})] },
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: { actor: 'bob' },
			items: [record({})],
		},
	],
	'conversionRequest.reject': [
		{
			name: 'success',
			expectError: false,
			parameters: { actor: 'bob', reasonCode: 'OTHER' },
			items: [record({})],
		},
		{
			name: 'a final request',
			expectError: true,
			parameters: { actor: 'bob', reasonCode: 'OTHER' },
			items: [record({ request_status: 'processed' })],
		},
	],
	'conversionRequest.withdraw': [
		{ name: 'success', expectError: false, parameters: { actor: 'alice' }, items: [record({})] },
		{
			name: 'not the requester',
			expectError: true,
			parameters: { actor: 'bob' },
			items: [record({})],
		},
	],
	'conversionRequest.process': [
		{
			name: 'success',
			expectError: false,
			parameters: {},
			items: [record({ request_status: 'accepted' })],
		},
		{
			name: 'wrong postback key: a failed record that keeps Keitaro’s reason, not the key',
			expectError: false,
			credentials: { postbackSecret: WRONG_POSTBACK_KEY },
			parameters: {},
			items: [record({ request_status: 'accepted' })],
		},
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: {},
			items: [record({ request_status: 'accepted' })],
		},
	],
	'conversionRequest.retryFailed': [
		{
			name: 'success',
			expectError: false,
			parameters: { actor: 'bob' },
			items: [record({ request_status: 'failed' })],
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { actor: 'bob' },
			items: [record({ request_status: 'failed' })],
		},
	],
	// counts whatever it is given (a non-request counts as such): it has no error path
	'conversionRequest.getStatusSummary': [
		{
			name: 'success',
			expectError: false,
			parameters: {},
			items: [record({ request_status: 'processed', keitaro_request: 'https://t/***/postback' })],
		},
	],
	'conversion.getMany': [
		{ name: 'success', expectError: false, parameters: { dateRange: 'allTime', returnAll: true } },
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { dateRange: 'allTime', returnAll: true },
		},
	],
};

const logged: string[] = [];
let sim: KeitaroSimulator;
/** the same tracker behind a self-signed certificate */
let tlsSim: KeitaroSimulator;
beforeAll(async () => {
	tlsSim = new KeitaroSimulator({
		apiKeys: { [API_KEY]: 'admin' },
		postbackKey: POSTBACK_KEY,
		tls: selfSignedCertificate(),
	});
	await tlsSim.start();
	const capture = (message: string, meta?: object) =>
		logged.push(`${message} ${JSON.stringify(meta ?? {})}`);
	LoggerProxy.init({
		error: capture,
		warn: capture,
		info: capture,
		debug: capture,
		verbose: capture,
	} as never);
});
beforeEach(async () => {
	sim = new KeitaroSimulator({
		apiKeys: { [API_KEY]: 'admin' },
		postbackKey: POSTBACK_KEY,
		postbackDelayMs: 5,
	});
	await sim.start();
	addOffer(sim.state, { id: 1 });
	addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
	addClick(sim.state, { sub_id: 'c2', offer_id: 1 });
	addConversion(sim.state, { conversion_id: 1, sub_id: 'c1', tid: 't1', status: 'lead' });
});
afterEach(async () => sim.stop());
afterAll(async () => tlsSim.stop());

test('every operation of the node has success and error cases here', () => {
	const operations = listOperations({ node: new Keitaro(), operationFor }).map(
		(o) => `${o.resource}.${o.operation}`,
	);
	const withoutErrorPath = ['conversionRequest.getStatusSummary'];
	const missing = operations.filter(
		(key) =>
			!CASES[key]?.some((c) => !c.expectError) ||
			(!withoutErrorPath.includes(key) && !CASES[key]?.some((c) => c.expectError)),
	);
	expect(missing).toEqual([]);
});

const all = Object.entries(CASES).flatMap(([key, cases]) =>
	cases.map((c) => [key, c.name, c] as const),
);

describe.each(['stop on error', 'continue on fail'])('%s', (mode) => {
	test.each(all)('%s: %s', async (key, _, testCase) => {
		const [resource, operation] = key.split('.');
		testCase.arrange?.(sim);
		logged.splice(0);
		const { run, items, error } = await runKeitaro(
			sim,
			{ resource, operation, ...testCase.parameters },
			{
				credentials:
					typeof testCase.credentials === 'function'
						? testCase.credentials()
						: testCase.credentials,
				items: testCase.items,
				node: mode === 'continue on fail' ? { onError: 'continueRegularOutput' } : {},
			},
		);
		const failed = error !== undefined || items.some((i) => i.json.success === false);
		expect(failed).toBe(testCase.expectError);
		const everything = [
			JSON.stringify(run),
			JSON.stringify(items),
			error?.message ?? '',
			error?.description ?? '',
			JSON.stringify(error ?? {}),
			...logged,
		].join('\n');
		for (const secret of SECRETS) expect(everything).not.toContain(secret);
		// the keys were really used: masked where they would have been
		if (!testCase.expectError && ['update', 'create', 'process'].includes(operation)) {
			expect(JSON.stringify(items)).toContain('/***/postback');
		}
	});
});

test('the masked request shows the header the credential really sent', async () => {
	const bearer = await runKeitaro(
		sim,
		{ resource: 'conversion', operation: 'get', conversionId: '1' },
		{ credentials: { authHeader: 'bearer' } },
	);
	expect(bearer.items[0].json.request).toMatchObject({ headers: { Authorization: 'Bearer ***' } });
	expect(sim.requests.at(-1)!.headers.authorization).toBe(`Bearer ${API_KEY}`);
	const header = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		conversionId: '1',
	});
	expect(header.items[0].json.request).toMatchObject({ headers: { 'Api-Key': '***' } });
	expect(sim.requests.at(-1)!.headers['api-key']).toBe(API_KEY);
	expect(credentialsFor(sim).apiKey).toBe(API_KEY);
});

test('a postback key too short to scrub from text is still masked in the URL path', async () => {
	const short = new KeitaroSimulator({
		apiKeys: { [API_KEY]: 'admin' },
		postbackKey: 'k9',
		postbackDelayMs: 5,
	});
	await short.start();
	try {
		addOffer(short.state, { id: 1 });
		addClick(short.state, { sub_id: 'c1', offer_id: 1 });
		addConversion(short.state, { conversion_id: 1, sub_id: 'c1', tid: 't1', status: 'lead' });
		const { items, error } = await runKeitaro(short, {
			resource: 'conversion',
			operation: 'update',
			conversionId: '1',
			conversionData: '{"click_id":"c1","status":"sale"}',
		});
		expect(error).toBeUndefined();
		expect(short.requests.some((r) => r.path === '/k9/postback')).toBe(true);
		expect(items[0].json.request).toMatchObject({
			url: `${short.url}/***/postback?subid=c1&status=sale&payout=0&tid=t1`,
		});
		// not confirmed: the error quotes Keitaro's received-postbacks log, postback URLs included
		short.postbackDelayMs = 60_000;
		const late = await runKeitaro(short, {
			resource: 'conversion',
			operation: 'update',
			conversionId: '1',
			conversionData: '{"click_id":"c1","status":"rejected"}',
			options: { confirmTimeout: 1 },
		});
		expect(late.error?.description).toContain('/***/postback?subid=c1&status=rejected');
		expect(late.error?.description).not.toContain('/k9/');
	} finally {
		await short.stop();
	}
});
