/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm run test:queue`: the built package in n8n's queue mode, the set-up users move to when one n8n
 * is not enough. Redis and PostgreSQL (Debian's packages) run on loopback with throwaway data
 * directories; an n8n main process takes webhooks and queues the executions; two `n8n worker`
 * processes run them. The bulk example (lead to sale) and the Conversion Request example
 * (reconciliation file) are fed 1,000 rows each, in 30 webhook calls sent at once, and the
 * simulator's own ledger must show every row applied exactly once: none lost, none twice.
 *
 * Node 24 and n8n 2.41.1 come from the end-to-end run's cache (scripts/e2e/provision.ts), n8n's user
 * folder and CLI from scripts/e2e/n8n.ts, Redis and PostgreSQL from services.ts. Every process it
 * starts is stopped at the end, also on failure, timeout or Ctrl-C (scripts/e2e/processes.ts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode, IWorkflowBase } from 'n8n-workflow';

import { addClick, addConversion, addOffer, KeitaroSimulator } from '../../test/simulator';
import {
	n8nCli,
	PACKAGE_ROOT as ROOT,
	prepareN8n,
	removeN8n,
	startN8n,
	type N8n,
} from '../e2e/n8n';
import {
	atEnd,
	freePort,
	runMain,
	startService,
	step,
	tail,
	waitForService,
	type Service,
} from '../e2e/processes';
import { provision } from '../e2e/provision';
import { startDatabases } from './services';
const RUN_TIMEOUT_MS = 20 * 60_000;
const ROWS = 1000;
const WORKERS = 2;
const WORKER_CONCURRENCY = 5;
const CREDENTIAL = { id: 'keitaroDemo', name: 'Keitaro (demo simulator)', type: 'keitaroApi' };

const log = (line: string) => console.log(line);

/** An example workflow fed by a webhook: the trigger and its sample data give way to the request body. */
function fromWebhook(file: string, id: string, path: string): IWorkflowBase {
	const example = require(join(ROOT, 'examples', file)) as IWorkflowBase;
	const trigger = example.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger')!;
	const sampleName = example.connections[trigger.name].main[0]![0].node;
	const webhook: INode = {
		id: randomUUID(),
		name: 'Queue webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: trigger.position,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
	const nodes = example.nodes
		.filter((n) => n !== trigger)
		.map((n) => {
			if (n.name !== sampleName) return n;
			const parameters = JSON.parse(JSON.stringify(n.parameters)) as IDataObject;
			if (parameters.mode === 'raw') parameters.jsonOutput = '={{ JSON.stringify($json.body) }}';
			for (const a of ((parameters.assignments as IDataObject)?.assignments as IDataObject[]) ?? [])
				a.value = `={{ $json.body.${String(a.name)} }}`;
			return { ...n, parameters };
		});
	const connections = { ...example.connections, [webhook.name]: example.connections[trigger.name] };
	delete connections[trigger.name];
	return {
		...example,
		id,
		name: `${example.name} (queue mode)`,
		nodes: [webhook, ...nodes],
		connections,
		active: false,
	} as IWorkflowBase;
}

function chunks<T>(list: T[], size: number): T[][] {
	return Array.from({ length: Math.ceil(list.length / size) }, (_, n) =>
		list.slice(n * size, n * size + size),
	);
}

/** The simulator's rows for both examples: leads to move to sale, and a reconciliation file. */
function seed(sim: KeitaroSimulator) {
	addOffer(sim.state, { id: 1, payout_auto: true });
	const sales = Array.from({ length: ROWS }, (_, n) => {
		addClick(sim.state, { sub_id: `q${n}`, offer_id: 1 });
		addConversion(sim.state, { sub_id: `q${n}`, tid: `crm-${n}`, status: 'lead' });
		return { click_id: `q${n}`, order_id: `crm-${n}`, amount: 10 + (n % 9) };
	});
	const file = Array.from({ length: ROWS }, (_, n) => {
		addClick(sim.state, { sub_id: `r${n}`, offer_id: 1 });
		if (n % 5 < 3) {
			addConversion(sim.state, { sub_id: `r${n}`, tid: `t${n}`, status: 'lead' });
			return { subid: `r${n}`, payout: 20 + (n % 7), tid: `t${n}`, status: 'sale' };
		}
		return { subid: `r${n}`, payout: 5, tid: `new${n}`, status: 'lead' };
	});
	return { sales, file };
}

/** Every row's change applied once: the ledger's changes per click and tid, and Keitaro's state. */
function verify(
	sim: KeitaroSimulator,
	rows: Array<{ subid: string; tid: string; status: string; revenue: number }>,
) {
	const effects = new Map<string, number>();
	for (const a of sim.state.applied) {
		if (a.effect !== 'unchanged')
			effects.set(`${a.sub_id}/${a.tid}`, (effects.get(`${a.sub_id}/${a.tid}`) ?? 0) + 1);
	}
	const postbacks = new Map<string, number>();
	for (const r of sim.requests.filter((r) => r.path.endsWith('/postback'))) {
		const subid = new URLSearchParams(r.query).get('subid')!;
		postbacks.set(subid, (postbacks.get(subid) ?? 0) + 1);
	}
	let lost = 0;
	let twice = 0;
	for (const row of rows) {
		const applied = effects.get(`${row.subid}/${row.tid}`) ?? 0;
		const held = (sim.state.conversionsBySubId.get(row.subid) ?? []).filter(
			(c) => c.tid === row.tid,
		);
		if (
			applied === 0 ||
			held.length !== 1 ||
			held[0].status !== row.status ||
			held[0].revenue !== row.revenue
		)
			lost++;
		if (applied > 1 || held.length > 1 || (postbacks.get(row.subid) ?? 0) > 1) twice++;
	}
	const sent = rows.reduce((total, row) => total + (postbacks.get(row.subid) ?? 0), 0);
	return { rows: rows.length, lost, twice, postbacks: sent };
}

async function main(): Promise<void> {
	const started = Date.now();
	const toolchain = await step('install', () => provision(log));
	const apiKey = `queue-api-${randomBytes(12).toString('hex')}`;
	const postbackKey = randomBytes(6).toString('hex');
	const db = await step('Redis and PostgreSQL', () => startDatabases(log));

	const sim = new KeitaroSimulator({
		apiKeys: { [apiKey]: 'admin' },
		postbackKey,
		postbackDelayMs: 20,
	});
	const { sales, file } = seed(sim);
	await sim.start(await freePort());
	atEnd(() => sim.stop());

	// the end-to-end run's n8n (user folder with the package installed, loopback ports), in queue mode
	const prepared = await prepareN8n(toolchain);
	atEnd(() => removeN8n(prepared));
	const n8n: N8n = {
		...prepared,
		env: {
			...prepared.env,
			// main and workers must read the credential with the same key
			N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(db.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(db.pgPort),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'n8n',
			N8N_LOG_LEVEL: 'info',
		},
	};
	const cli = (args: string[]) => n8nCli(n8n, args, 180_000);

	const workflows = [
		fromWebhook('lead-to-sale.json', 'kQueueLeadToSale', 'queue-lead-to-sale'),
		fromWebhook('reconciliation-file.json', 'kQueueReconcile', 'queue-reconcile'),
	];
	await step('import and publish', async () => {
		const credentials = join(n8n.userFolder, 'credentials.json');
		writeFileSync(
			credentials,
			JSON.stringify([
				{
					...CREDENTIAL,
					data: {
						url: sim.url,
						apiKey,
						postbackSecret: postbackKey,
						authHeader: 'apiKey',
						ignoreSslIssues: false,
					},
				},
			]),
		);
		await cli(['import:credentials', `--input=${credentials}`]);
		rmSync(credentials);
		const dir = join(n8n.userFolder, 'workflows');
		mkdirSync(dir);
		for (const w of workflows) writeFileSync(join(dir, `${w.id}.json`), JSON.stringify(w));
		await cli(['import:workflow', '--separate', `--input=${dir}`]);
		for (const w of workflows) await cli(['publish:workflow', `--id=${w.id}`]);
	});

	const processes = await step(`n8n main and ${WORKERS} workers`, async () => {
		const main = await startN8n(n8n);
		// each process has its own task-runner broker: the default port may be taken by another n8n
		const workers: Service[] = [];
		for (let w = 0; w < WORKERS; w++)
			workers.push(
				startService(
					toolchain.node,
					[toolchain.n8nBin, 'worker', `--concurrency=${WORKER_CONCURRENCY}`],
					{ env: { ...n8n.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) } },
				),
			);
		for (const [w, worker] of workers.entries())
			await waitForService(
				worker,
				`n8n worker ${w + 1}`,
				() => worker.output().includes('n8n worker is now ready') || undefined,
				120_000,
			);
		return { main, workers };
	});

	const calls = [
		...chunks(sales, 50).map((events) => ({ path: 'queue-lead-to-sale', body: { events } })),
		...chunks(file, 100).map((rows) => ({
			path: 'queue-reconcile',
			body: {
				csv: [
					'subid,payout,tid,status',
					...rows.map((r) => `${r.subid},${r.payout},${r.tid},${r.status}`),
				].join('\n'),
			},
		})),
	];
	const finished = () =>
		processes.workers.map((w) =>
			[...w.output().matchAll(/Worker finished execution (\d+)/g)].map((m) => m[1]),
		);
	const runSeconds = await step(
		`${calls.length} webhook calls at once, run by the workers`,
		async () => {
			const sent = Date.now();
			const answers = await Promise.all(
				calls.map(({ path, body }) =>
					fetch(`${n8n.baseUrl}/webhook/${path}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify(body),
					}),
				),
			);
			const refused = answers.filter((a) => a.status !== 200);
			if (refused.length)
				throw new Error(
					`${refused.length} webhook calls were refused (${refused[0].status}): ${await refused[0].text()}\n${tail(processes.main.output())}`,
				);
			await waitForService(
				processes.main,
				'every execution to finish (n8n main)',
				() => finished().flat().length >= calls.length || undefined,
				10 * 60_000,
			);
			await sim.idle();
			return (Date.now() - sent) / 1000;
		},
	);

	const statuses = await db.query(
		'select status, count(*) from execution_entity group by status order by status',
	);
	const perWorker = finished();
	const executionIds = perWorker.flat();
	const bulk = verify(
		sim,
		sales.map((s) => ({ subid: s.click_id, tid: s.order_id, status: 'sale', revenue: s.amount })),
	);
	const requests = verify(
		sim,
		file.map((r) => ({ subid: r.subid, tid: r.tid, status: r.status, revenue: r.payout })),
	);
	const outputs = [processes.main, ...processes.workers].map((p) => p.output()).join('\n');
	const problems = [
		...(statuses.trim() === `success|${calls.length}`
			? []
			: [`executions by status: ${statuses.trim().replace(/\n/g, ', ')}`]),
		...(new Set(executionIds).size === executionIds.length
			? []
			: ['an execution ran on two workers']),
		...perWorker.flatMap((ids, w) => (ids.length ? [] : [`worker ${w + 1} ran no execution`])),
		...[bulk, requests].flatMap((r, n) => [
			...(r.lost ? [`${n ? 'Conversion Request' : 'bulk'}: ${r.lost} rows not applied`] : []),
			...(r.twice ? [`${n ? 'Conversion Request' : 'bulk'}: ${r.twice} rows applied twice`] : []),
		]),
		...(outputs.includes(apiKey) || outputs.includes(postbackKey)
			? ['a key appears in n8n’s logs']
			: []),
	];

	log('\n== figures');
	log(
		`executions: ${calls.length} (${statuses.trim().replace(/\n/g, ', ')}); per worker: ${perWorker.map((ids, w) => `worker ${w + 1} ${ids.length}`).join(', ')}`,
	);
	log(
		`bulk Conversion Update (lead-to-sale.json): ${bulk.rows} rows, ${bulk.rows - bulk.lost} applied once, ${bulk.lost} lost, ${bulk.twice} twice, ${bulk.postbacks} postbacks`,
	);
	log(
		`Conversion Requests (reconciliation-file.json): ${requests.rows} rows, ${requests.rows - requests.lost} applied once, ${requests.lost} lost, ${requests.twice} twice, ${requests.postbacks} postbacks`,
	);
	log(
		`2,000 rows through the queue in ${runSeconds.toFixed(1)} s; whole run ${((Date.now() - started) / 1000).toFixed(0)} s`,
	);
	if (problems.length) throw new Error(problems.join('\n'));
}

runMain('QUEUE MODE', main, RUN_TIMEOUT_MS);
