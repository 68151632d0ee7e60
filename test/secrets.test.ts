/* eslint-disable */
/**
 * Secrets never leak: every operation runs, on success and on its error paths, with distinctive API
 * and postback keys; neither key may appear in outputs, error messages, error descriptions, the run
 * data n8n stores, or anything the engine logs. Keitaro itself echoes keys back (a wrong postback key,
 * the received-postbacks log): the node must scrub them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { LoggerProxy } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { operationFor } from '../nodes/Keitaro/actions/router';
import { Keitaro } from '../nodes/Keitaro/Keitaro.node';
import { listOperations } from '../scripts/operations-doc';
import {
	addCampaign,
	addClick,
	addConversion,
	addOffer,
	addUser,
	KeitaroSimulator,
} from './simulator';
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
const withCampaign = (sim: KeitaroSimulator) => void addCampaign(sim.state, { id: 1 });
const withUser = (sim: KeitaroSimulator) => void addUser(sim.state, { login: 'buyer1' });
/** Keitaro's received-postbacks log writes the postback URL, key and all */
const logWithKey = (sim: KeitaroSimulator) =>
	sim.state.logs.postbacks.push(
		{
			datetime: '2026-03-01 10:00:00',
			jid: '7',
			message: `Received postback /${POSTBACK_KEY}/postback?subid=c1`,
		},
		{
			datetime: '2026-03-01 10:00:00',
			jid: '7',
			message: 'Using "c1" as subid. Postback added to queue.',
		},
	);
const costs = {
	campaignIds: '1',
	start: '2026-01-01',
	end: '2026-01-02',
	cost: 5,
	currency: 'USD',
};
const clean = { start: '2026-01-01', end: '2026-01-02', confirmDeletion: true };
const report = {
	dateRange: 'allTime',
	returnAll: true,
	dimensions: ['campaign'],
	measures: ['clicks'],
};
const newUser = { login: 'buyer2', password: 'pw-2', type: 'USER' };
/** Blacklist and Bot share the bot-list operations: the same cases for each */
function botListCases(resource: string): Record<string, Case[]> {
	const cases = (parameters: IDataObject): Case[] => [
		{ name: 'success', expectError: false, parameters },
		{ name: 'Keitaro answer echoing the key', expectError: true, arrange: echoKey, parameters },
	];
	return {
		[`${resource}.add`]: cases({ ips: '1.2.3.4' }),
		[`${resource}.remove`]: cases({ ips: '1.2.3.4' }),
		[`${resource}.replace`]: cases({ ips: '1.2.3.4' }),
		[`${resource}.get`]: cases({}),
		[`${resource}.clear`]: cases({ confirmDeletion: true }),
	};
}

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
	'conversion.findByClick': [
		{ name: 'success', expectError: false, parameters: { clickId: 'c1' } },
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { clickId: 'c1' },
		},
	],
	'click.getLog': [
		{ name: 'success', expectError: false, parameters: { dateRange: 'allTime', returnAll: true } },
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { dateRange: 'allTime', returnAll: true },
		},
	],
	'click.updateCosts': [
		{ name: 'success', expectError: false, arrange: withCampaign, parameters: costs },
		{
			name: 'wrong API key',
			expectError: true,
			arrange: withCampaign,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: costs,
		},
	],
	'click.cleanStats': [
		{ name: 'success', expectError: false, parameters: clean },
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: clean,
		},
	],
	'statistics.buildReport': [
		{ name: 'success', expectError: false, parameters: report },
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: report,
		},
	],
	'statistics.getLabels': [
		{ name: 'success', expectError: false, arrange: withCampaign, parameters: { campaignId: 1 } },
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: { campaignId: 1 },
		},
	],
	'statistics.updateLabels': [
		{
			name: 'success',
			expectError: false,
			arrange: withCampaign,
			parameters: { campaignId: 1, values: 'fb' },
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { campaignId: 1, values: 'fb' },
		},
	],
	'log.getTypes': [
		{ name: 'success', expectError: false, parameters: {} },
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: {},
		},
	],
	'log.getEntries': [
		{
			name: 'received postbacks: Keitaro’s lines carry the key',
			expectError: false,
			arrange: logWithKey,
			parameters: { logType: 'postbacks', returnAll: true },
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { logType: 'postbacks', returnAll: true },
		},
	],
	'log.clear': [
		{
			name: 'success',
			expectError: false,
			parameters: { logType: 'system', confirmDeletion: true },
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { logType: 'system', confirmDeletion: true },
		},
	],
	'postback.send': [
		{ name: 'success', expectError: false, parameters: { clickId: 'c1', status: 'lead' } },
		{
			name: 'wrong postback key (Keitaro echoes it)',
			expectError: true,
			credentials: { postbackSecret: WRONG_POSTBACK_KEY },
			parameters: { clickId: 'c1', status: 'lead' },
		},
	],
	'postback.getReceived': [
		{
			name: 'Keitaro’s lines carry the key',
			expectError: false,
			arrange: logWithKey,
			parameters: { clickId: 'c1', returnAll: true },
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { returnAll: true },
		},
	],
	'user.getMany': [
		{ name: 'success', expectError: false, arrange: withUser, parameters: { returnAll: true } },
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: { returnAll: true },
		},
	],
	'user.get': [
		{ name: 'success', expectError: false, arrange: withUser, parameters: { userId: 1 } },
		{ name: 'not found', expectError: true, parameters: { userId: 99 } },
	],
	'user.create': [
		{ name: 'success', expectError: false, parameters: newUser },
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: newUser,
		},
	],
	'user.update': [
		{
			name: 'success',
			expectError: false,
			arrange: withUser,
			parameters: { userId: 1, updateFields: { type: 'ADMIN' } },
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { userId: 1, updateFields: { type: 'ADMIN' } },
		},
	],
	'user.delete': [
		{ name: 'success', expectError: false, arrange: withUser, parameters: { userId: 1 } },
		{ name: 'not found', expectError: true, parameters: { userId: 99 } },
	],
	'user.updateAccess': [
		{
			name: 'success',
			expectError: false,
			arrange: withUser,
			parameters: { userId: 1, access: { campaigns: 'full_access' } },
		},
		{
			name: 'Keitaro answer echoing the key',
			expectError: true,
			arrange: echoKey,
			parameters: { userId: 1, access: { campaigns: 'full_access' } },
		},
	],
	...botListCases('blacklist'),
	...botListCases('bot'),
	'settings.get': [
		{ name: 'success', expectError: false, parameters: { setting: 'avscan' } },
		{ name: 'Keitaro answer echoing the key', expectError: true, arrange: echoKey, parameters: {} },
	],
	'settings.update': [
		{
			name: 'success',
			expectError: false,
			parameters: { setting: 'imklo', imkloApiUrl: 'https://i.example' },
		},
		{
			name: 'wrong API key',
			expectError: true,
			credentials: { apiKey: WRONG_API_KEY },
			parameters: { setting: 'avscan', avscanKey: 'k-1' },
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

/**
 * Every run of the node in every test is checked for the keys in use (expectNoSecrets in
 * runKeitaro), so each resource's own suite covers its operations' success and error paths. This
 * file adds the paths where Keitaro itself echoes a key, for the operations that can meet them.
 */
test('every operation is covered: by cases here, or by its resource suite that runs every operation', () => {
	const operations = listOperations({ node: new Keitaro(), operationFor }).map(
		(o) => `${o.resource}.${o.operation}`,
	);
	const withoutErrorPath = ['conversionRequest.getStatusSummary'];
	const missing = operations.filter((key) => {
		const cases = CASES[key];
		if (!cases) return !existsSync(join(__dirname, key.split('.')[0]));
		return (
			!cases.some((c) => !c.expectError) ||
			(!withoutErrorPath.includes(key) && !cases.some((c) => c.expectError))
		);
	});
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
		// with the request shown (Include Request Details), where a key would show if it could
		const { parameters } = testCase;
		const { run, items, error } = await runKeitaro(
			sim,
			{
				resource,
				operation,
				...parameters,
				options: { ...(parameters.options as IDataObject), includeRequestDetails: true },
			},
			{
				credentials:
					typeof testCase.credentials === 'function'
						? testCase.credentials()
						: testCase.credentials,
				items: testCase.items,
				node: mode === 'continue on fail' ? { onError: 'continueRegularOutput' } : {},
			},
		);
		const failed = error !== undefined || items.some((i) => i.json.details !== undefined);
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
		// operations that send postbacks, or read Keitaro's log of them
		const showsPostbackUrls = [
			'conversion.update',
			'conversion.create',
			'conversionRequest.process',
			'postback.send',
			'log.getEntries',
			'postback.getReceived',
		];
		if (!testCase.expectError && showsPostbackUrls.includes(key)) {
			expect(JSON.stringify(items)).toContain('/***/postback');
		}
	});
});

test('the masked request shows the header the credential really sent', async () => {
	const bearer = await runKeitaro(
		sim,
		{
			resource: 'conversion',
			operation: 'get',
			conversionId: '1',
			options: { includeRequestDetails: true },
		},
		{ credentials: { authHeader: 'bearer' } },
	);
	expect(bearer.items[0].json.request).toMatchObject({ headers: { Authorization: 'Bearer ***' } });
	expect(sim.requests.at(-1)!.headers.authorization).toBe(`Bearer ${API_KEY}`);
	const header = await runKeitaro(sim, {
		resource: 'conversion',
		operation: 'get',
		conversionId: '1',
		options: { includeRequestDetails: true },
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
			options: { includeRequestDetails: true },
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
