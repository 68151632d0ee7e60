/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * What each benchmark scenario runs, side by side: the Keitaro node (the BUILT package, dist/) in a
 * real workflow on n8n-core's engine, n8n's own HTTP Request node doing the same postbacks, and
 * plain Node HTTP loops that do only the network work (the practical limit).
 */
import http from 'node:http';

import axios from 'axios';
import { join } from 'node:path';

import type {
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { DEFAULT_CONVERSION_COLUMNS } from '../../nodes/Keitaro/descriptions/conversionColumns';
import { coreNode, executeWorkflow, START_NODE } from '../../test/support/engine';
import { clickId } from './simulator';

/** the built package; `npm run bench -- --dist DIR` measures another build (e.g. before a change) */
const dist = (...path: string[]) =>
	require(join(process.env.BENCH_DIST ?? join(__dirname, '..', '..', 'dist'), ...path));
const { Keitaro } = dist('nodes', 'Keitaro', 'Keitaro.node.js') as { Keitaro: new () => INodeType };
const { KeitaroApi } = dist('credentials', 'KeitaroApi.credentials.js') as {
	KeitaroApi: new () => ICredentialType;
};
const { forEachLimited } = dist('nodes', 'Keitaro', 'helpers', 'concurrency.js') as {
	forEachLimited: (
		count: number,
		limit: number,
		task: (i: number) => Promise<void>,
	) => Promise<void>;
};

export interface Tracker {
	url: string;
	apiKey: string;
	postbackKey: string;
}

export interface Settings {
	size: number;
	concurrency: number;
	/** HTTP Request node batching: items per batch and ms between batches (none: its default) */
	batch?: { size: number; intervalMs: number };
}

/** What a variant hands back: its own time (a node's time as n8n's engine measured it) and its output. */
export interface VariantRun {
	ms: number;
	output: unknown;
	outputItems: number;
}

// ---------------------------------------------------------------------------------------------
// inputs

/** S1/S4: revenue adjustment of conversion i (lead → sale, revenue 25), as a CRM export has it */
export const updateItems = (size: number): IDataObject[] =>
	Array.from({ length: size }, (_, i) => ({
		conversion_id: i + 1,
		click_id: clickId(i),
		tid: `order-${i}`,
		revenue: 25,
	}));

/** S3: a reconciliation file; 1 row in 100 names an unknown click, 1 in 100 a new tid */
export const importRows = (size: number): IDataObject[] =>
	Array.from({ length: size }, (_, i) => ({
		subid: i % 100 === 98 ? `ghost-${i}` : clickId(i),
		payout: '25',
		tid: i % 100 === 99 ? `extra-${i}` : `order-${i}`,
		status: 'sale',
		requested_by: 'finance',
	}));

// ---------------------------------------------------------------------------------------------
// plain Node HTTP

function plainRequest(
	agent: http.Agent,
	url: string,
	options: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {},
): Promise<string> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{ agent, method: options.method ?? 'GET', headers: options.headers },
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					if (response.statusCode !== 200)
						reject(new Error(`${response.statusCode} ${text.slice(0, 200)}`));
					else resolve(text);
				});
				response.on('error', reject);
			},
		);
		request.on('error', reject);
		request.end(options.body);
	});
}

/**
 * S1: the 10,000 postbacks alone, `concurrency` at a time, through Node's http with one keep-alive
 * Agent (or a fresh connection each), or through axios the way n8n's request helper calls it
 * (a new Agent per request) or with one keep-alive Agent: what the helper would cost with reuse
 */
export async function plainPostbacks(
	tracker: Tracker,
	s: Settings,
	keepAlive: boolean,
	client: 'http' | 'axios' = 'http',
): Promise<VariantRun> {
	const agent = new http.Agent({ keepAlive, maxSockets: s.concurrency });
	const send =
		client === 'http'
			? (url: string) => plainRequest(agent, url)
			: async (url: string) =>
					(
						await axios.get<string>(url, {
							httpAgent: keepAlive ? agent : new http.Agent(),
							responseType: 'text',
						})
					).data;
	const items = updateItems(s.size);
	const answers: string[] = new Array(items.length);
	const started = performance.now();
	await forEachLimited(items.length, s.concurrency, async (i) => {
		const { click_id, tid, revenue } = items[i];
		const qs = new URLSearchParams({
			subid: String(click_id),
			status: 'sale',
			payout: String(revenue),
			tid: String(tid),
		});
		answers[i] = await send(`${tracker.url}/${tracker.postbackKey}/postback?${qs}`);
	});
	const ms = performance.now() - started;
	agent.destroy();
	return { ms, output: answers, outputItems: answers.length };
}

const adminHeaders = (tracker: Tracker) => ({
	'Api-Key': tracker.apiKey,
	'Content-Type': 'application/json',
	Accept: 'application/json',
});

export const S2_COLUMNS = DEFAULT_CONVERSION_COLUMNS;
export const S2_PAGE_SIZE = 1000;

/** S2: every conversion, page after page (the node's page size), parsed and kept */
export async function plainPaging(tracker: Tracker): Promise<VariantRun> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const rows: IDataObject[] = [];
	const started = performance.now();
	for (let offset = 0; ; offset += S2_PAGE_SIZE) {
		const body = JSON.stringify({
			range: { interval: 'all_time', timezone: 'UTC' },
			columns: S2_COLUMNS,
			filters: [],
			sort: [{ name: 'postback_datetime', order: 'DESC' }],
			offset,
			limit: S2_PAGE_SIZE,
		});
		const page = JSON.parse(
			await plainRequest(agent, `${tracker.url}/admin_api/v1/conversions/log`, {
				method: 'POST',
				headers: adminHeaders(tracker),
				body,
			}),
		) as { rows: IDataObject[]; total: number };
		for (const row of page.rows) rows.push(row);
		if (page.rows.length < S2_PAGE_SIZE || offset + page.rows.length >= page.total) break;
	}
	const ms = performance.now() - started;
	agent.destroy();
	return { ms, output: rows, outputItems: rows.length };
}

/** S3: the look-ups that validating the file needs at the least: conversions, then clicks, of 500 subids a request, and the offers */
export async function plainImportLookups(tracker: Tracker, s: Settings): Promise<VariantRun> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const subIds = [...new Set(importRows(s.size).map((row) => String(row.subid)))];
	const post = async (path: string, body: IDataObject) =>
		(
			JSON.parse(
				await plainRequest(agent, `${tracker.url}/admin_api/v1${path}`, {
					method: 'POST',
					headers: adminHeaders(tracker),
					body: JSON.stringify(body),
				}),
			) as { rows: IDataObject[] }
		).rows;
	const started = performance.now();
	const found = new Map<string, IDataObject[]>();
	const chunk = (list: string[]) =>
		Array.from({ length: Math.ceil(list.length / 500) }, (_, n) =>
			list.slice(n * 500, n * 500 + 500),
		);
	for (const ids of chunk(subIds)) {
		const rows = await post('/conversions/log', {
			range: { interval: 'all_time', timezone: 'UTC' },
			columns: ['conversion_id', 'sub_id', 'tid', 'status', 'revenue', 'offer_id'],
			filters: [{ name: 'sub_id', operator: 'IN_LIST', expression: ids }],
			limit: 10_000,
		});
		for (const row of rows)
			found.set(String(row.sub_id), [...(found.get(String(row.sub_id)) ?? []), row]);
	}
	const clicks: IDataObject[] = [];
	for (const ids of chunk(subIds.filter((id) => !found.has(id)))) {
		clicks.push(
			...(await post('/clicks/log', {
				range: { interval: 'all_time', timezone: 'UTC' },
				columns: ['sub_id', 'offer_id'],
				filters: [{ name: 'sub_id', operator: 'IN_LIST', expression: ids }],
				limit: 10_000,
			})),
		);
	}
	const offers = JSON.parse(
		await plainRequest(agent, `${tracker.url}/admin_api/v1/offers`, {
			headers: adminHeaders(tracker),
		}),
	);
	const ms = performance.now() - started;
	agent.destroy();
	return { ms, output: { found, clicks, offers }, outputItems: found.size };
}

// ---------------------------------------------------------------------------------------------
// workflows on n8n's engine

const KEITARO = 'n8n-nodes-keitaro-tracker.keitaro';

/** How often the Keitaro credential was read (in n8n: a database read and a decryption each). */
export const credentialReads = () => credentialAccesses / 2;
/** test/support/engine.ts's getDecrypted looks the credential up twice per read */
let credentialAccesses = 0;

/** Emits prepared items (the input of the node under test), so that no input node's work is measured. */
function itemsNode(items: IDataObject[]): INodeType {
	return {
		description: {
			displayName: 'Bench Items',
			name: 'benchItems',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Bench Items' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(): Promise<INodeExecutionData[][]> {
			return [items.map((json, item) => ({ json, pairedItem: { item: 0 } }))];
		},
	};
}

/**
 * The postbacks through n8n's own request helper (this.helpers.httpRequest) and nothing else, at
 * the same concurrency: what n8n's request stack costs, apart from the Keitaro node's own work.
 */
function helperPostbacksNode(url: string, concurrency: number): INodeType {
	return {
		description: {
			...itemsNode([]).description,
			displayName: 'Helper Postbacks',
			name: 'helperPostbacks',
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const items = this.getInputData();
			const out: INodeExecutionData[] = new Array(items.length);
			await forEachLimited(items.length, concurrency, async (i) => {
				const { click_id, tid, revenue } = items[i].json;
				const answer = await this.helpers.httpRequest({
					method: 'GET',
					url,
					qs: { subid: click_id, status: 'sale', payout: revenue, tid },
					encoding: 'text',
					returnFullResponse: true,
					ignoreHttpStatusErrors: true,
				});
				out[i] = { json: { answer: answer.body }, pairedItem: { item: i } };
			});
			return [out];
		},
	};
}

async function runWorkflow(
	tracker: Tracker,
	items: IDataObject[],
	target: Pick<INode, 'type' | 'typeVersion' | 'parameters'>,
	extraTypes: Record<string, INodeType> = {},
): Promise<VariantRun> {
	const link = (to: string) => ({
		main: [[{ node: to, type: NodeConnectionTypes.Main, index: 0 }]],
	});
	const run: IRun = await executeWorkflow(
		{
			nodes: [
				START_NODE,
				{
					id: 'i',
					name: 'Items',
					type: 'bench.items',
					typeVersion: 1,
					position: [200, 0],
					parameters: {},
				},
				{
					id: 'n',
					name: 'Target',
					position: [400, 0],
					credentials: { keitaroApi: { id: 'cred', name: 'Keitaro' } },
					...target,
				},
			],
			connections: { Start: link('Items'), Items: link('Target') },
		},
		{
			nodeTypes: { [KEITARO]: new Keitaro(), 'bench.items': itemsNode(items), ...extraTypes },
			credentialTypes: { keitaroApi: new KeitaroApi() },
			credentials: {
				// n8n reads a credential from its database and decrypts it on every read
				get keitaroApi() {
					credentialAccesses++;
					return { url: tracker.url, apiKey: tracker.apiKey, postbackSecret: tracker.postbackKey };
				},
			},
		},
	);
	const error = run.data.resultData.error;
	if (error) throw new Error(`the workflow failed: ${error.message}`);
	const task = run.data.resultData.runData.Target[0];
	const outputs = task.data?.main ?? [];
	return {
		ms: task.executionTime,
		output: run,
		outputItems: outputs.reduce((sum, items) => sum + (items?.length ?? 0), 0),
	};
}

/** S1/S4: Conversion → Update over every item, with or without Confirm Change */
export const keitaroUpdate = (tracker: Tracker, s: Settings, confirm: boolean) =>
	runWorkflow(tracker, updateItems(s.size), {
		type: KEITARO,
		typeVersion: 1,
		parameters: {
			resource: 'conversion',
			operation: 'update',
			conversionIdType: 'conversionId',
			conversionId: '={{ $json.conversion_id }}',
			inputMode: 'fields',
			clickId: '={{ $json.click_id }}',
			status: 'sale',
			additionalFields: { revenue: '={{ $json.revenue }}' },
			options: { concurrency: s.concurrency, confirm },
		},
	});

/** S1: n8n's HTTP Request node sending the same postbacks (its default settings, or with batching) */
export const httpRequestNode = (tracker: Tracker, s: Settings) =>
	runWorkflow(tracker, updateItems(s.size), {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			url: `${tracker.url}/${tracker.postbackKey}/postback`,
			sendQuery: true,
			queryParameters: {
				parameters: [
					{ name: 'subid', value: '={{ $json.click_id }}' },
					{ name: 'status', value: 'sale' },
					{ name: 'payout', value: '={{ $json.revenue }}' },
					{ name: 'tid', value: '={{ $json.tid }}' },
				],
			},
			options: s.batch
				? { batching: { batch: { batchSize: s.batch.size, batchInterval: s.batch.intervalMs } } }
				: {},
		},
	});

/** S1/S4: the same postbacks through n8n's request helper alone */
export const helperPostbacks = (tracker: Tracker, s: Settings) =>
	runWorkflow(
		tracker,
		updateItems(s.size),
		{ type: 'bench.helperPostbacks', typeVersion: 1, parameters: {} },
		{
			'bench.helperPostbacks': helperPostbacksNode(
				`${tracker.url}/${tracker.postbackKey}/postback`,
				s.concurrency,
			),
		},
	);

/** S4: n8n's No Operation node over the same items: the engine's own cost per item */
export const noOp = (tracker: Tracker, s: Settings) =>
	runWorkflow(tracker, updateItems(s.size), {
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		parameters: {},
	});

/**
 * Loads and warms what every workflow variant uses (engine, core nodes, n8n's request stack) with
 * a few calls to the simulator's control API, which Keitaro's request count leaves out.
 */
export async function warmUp(tracker: Tracker): Promise<void> {
	coreNode('n8n-nodes-base.httpRequest');
	await runWorkflow(
		tracker,
		updateItems(20),
		{ type: 'bench.warmUp', typeVersion: 1, parameters: {} },
		{ 'bench.warmUp': helperPostbacksNode(`${tracker.url}/__simulator/requests`, 4) },
	);
}

/**
 * S2: Conversion → Get Many, Return All: one item per conversion, Include Request Details (one
 * item with every row), or Output CSV File per Page (stored on disk by n8n)
 */
export const keitaroGetMany = (tracker: Tracker, options: INodeParameters) =>
	runWorkflow(tracker, [{}], {
		type: KEITARO,
		typeVersion: 1,
		parameters: {
			resource: 'conversion',
			operation: 'getMany',
			dateRange: 'allTime',
			timezone: 'UTC',
			returnAll: true,
			columns: S2_COLUMNS,
			sortBy: 'postback_datetime',
			sortOrder: 'DESC',
			options,
		},
	});

/** S3: Conversion Request → Import of the reconciliation file */
export const keitaroImport = (tracker: Tracker, s: Settings) =>
	runWorkflow(tracker, importRows(s.size), {
		type: KEITARO,
		typeVersion: 1,
		parameters: {
			resource: 'conversionRequest',
			operation: 'import',
			requestType: 'auto',
			requestedBy: 'ops',
		},
	});
