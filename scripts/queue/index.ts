/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm run test:queue`: the built package in n8n's queue mode, the set-up users move to when one n8n
 * is not enough. Redis and PostgreSQL (Debian's packages) run on loopback with throwaway data
 * directories; an n8n main process takes webhooks and queues the executions; two `n8n worker`
 * processes run them. The bulk example (lead to sale) and the Conversion Request example
 * (reconciliation file) are fed 1,000 rows each, in 30 webhook calls sent at once, and the
 * simulator's own ledger must show every row applied exactly once: none lost, none twice.
 *
 * Node 24 and n8n 2.41.1 come from the end-to-end run's cache (see toolchain.ts). Every process it
 * starts is stopped at the end, also on failure, timeout or Ctrl-C.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import type { IDataObject, INode, IWorkflowBase } from 'n8n-workflow';

import { addClick, addConversion, addOffer, KeitaroSimulator } from '../../test/simulator';
import { freePort, run, start, stopAll, tail, waitFor, type Service } from './processes';
import { cleanEnv, provision } from './toolchain';

const ROOT = join(__dirname, '..', '..');
const PACKAGE_NAME: string = require(join(ROOT, 'package.json')).name;
const RUN_TIMEOUT_MS = 20 * 60_000;
const ROWS = 1000;
const WORKERS = 2;
const WORKER_CONCURRENCY = 5;
const CREDENTIAL = { id: 'keitaroDemo', name: 'Keitaro (demo simulator)', type: 'keitaroApi' };

const timings: string[] = [];
const log = (line: string) => console.log(line);
async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
	log(`\n== ${name}`);
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}
}

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
	const tmp = mkdtempSync(join(tmpdir(), 'keitaro-queue-'));
	cleanups.push(async () => rmSync(tmp, { recursive: true, force: true }));
	const apiKey = `queue-api-${randomBytes(12).toString('hex')}`;
	const postbackKey = randomBytes(6).toString('hex');

	const redisPort = await freePort();
	const pgPort = await freePort();
	const pgDir = join(tmp, 'postgres');
	await step('Redis and PostgreSQL', async () => {
		const redis = start(toolchain.redisServer, [
			'--bind',
			'127.0.0.1',
			'--port',
			String(redisPort),
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			tmp,
		]);
		await waitFor(
			'Redis',
			() => redis.output().includes('Ready to accept connections') || undefined,
			30_000,
			redis,
		);
		// PostgreSQL refuses to run as root: as root, its own user runs it
		const asPostgres = (command: string, args: string[]): [string, string[]] =>
			process.getuid?.() === 0
				? ['runuser', ['-u', 'postgres', '--', command, ...args]]
				: [command, args];
		mkdirSync(pgDir);
		if (process.getuid?.() === 0) {
			chmodSync(tmp, 0o711);
			await run('chown', ['postgres:postgres', pgDir], { timeoutMs: 10_000 });
		}
		await run(
			...asPostgres(join(toolchain.postgresBinDir, 'initdb'), [
				'-D',
				pgDir,
				'-U',
				'n8n',
				'--auth=trust',
				'--no-sync',
				'-E',
				'UTF8',
			]),
			{ timeoutMs: 120_000 },
		);
		const pg = start(
			...asPostgres(join(toolchain.postgresBinDir, 'postgres'), [
				'-D',
				pgDir,
				'-k',
				pgDir,
				'-h',
				'127.0.0.1',
				'-p',
				String(pgPort),
				'-F',
			]),
		);
		await waitFor(
			'PostgreSQL',
			() => pg.output().includes('ready to accept connections') || undefined,
			60_000,
			pg,
		);
		log(`Redis on 127.0.0.1:${redisPort}, PostgreSQL on 127.0.0.1:${pgPort}`);
	});

	const sim = new KeitaroSimulator({
		apiKeys: { [apiKey]: 'admin' },
		postbackKey,
		postbackDelayMs: 20,
	});
	const { sales, file } = seed(sim);
	await sim.start(await freePort());
	cleanups.push(() => sim.stop());

	const userFolder = join(tmp, 'n8n');
	const installed = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	mkdirSync(installed, { recursive: true });
	for (const entry of ['package.json', 'index.js', 'dist'])
		cpSync(join(ROOT, entry), join(installed, entry), { recursive: true });
	const mainPort = await freePort();
	const env = cleanEnv({
		PATH: `${toolchain.nodeBinDir}${delimiter}${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pgPort),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'n8n',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_PORT: String(mainPort),
		N8N_LOG_LEVEL: 'info',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
	});
	// each process has its own task-runner broker: the default port may be taken by another n8n
	const n8n = async (args: string[]) =>
		start(toolchain.node, [toolchain.n8nBin, ...args], {
			env: { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		});
	const cli = async (args: string[]) =>
		run(toolchain.node, [toolchain.n8nBin, ...args], { env, timeoutMs: 180_000 });

	const workflows = [
		fromWebhook('lead-to-sale.json', 'kQueueLeadToSale', 'queue-lead-to-sale'),
		fromWebhook('reconciliation-file.json', 'kQueueReconcile', 'queue-reconcile'),
	];
	await step('import and publish', async () => {
		const credentials = join(userFolder, 'credentials.json');
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
		const dir = join(tmp, 'workflows');
		mkdirSync(dir);
		for (const w of workflows) writeFileSync(join(dir, `${w.id}.json`), JSON.stringify(w));
		await cli(['import:workflow', '--separate', `--input=${dir}`]);
		for (const w of workflows) await cli(['publish:workflow', `--id=${w.id}`]);
	});

	const processes = await step(`n8n main and ${WORKERS} workers`, async () => {
		const main = await n8n(['start']);
		await waitFor(
			'n8n main',
			async () =>
				(await fetch(`http://127.0.0.1:${mainPort}/healthz/readiness`).catch(() => undefined))
					?.status === 200 || undefined,
			120_000,
			main,
		);
		const workers: Service[] = [];
		for (let w = 0; w < WORKERS; w++)
			workers.push(await n8n(['worker', `--concurrency=${WORKER_CONCURRENCY}`]));
		for (const [w, worker] of workers.entries())
			await waitFor(
				`n8n worker ${w + 1}`,
				() => worker.output().includes('n8n worker is now ready') || undefined,
				120_000,
				worker,
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
					fetch(`http://127.0.0.1:${mainPort}/webhook/${path}`, {
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
			await waitFor(
				'every execution to finish',
				() => finished().flat().length >= calls.length || undefined,
				10 * 60_000,
				processes.main,
			);
			await sim.idle();
			return (Date.now() - sent) / 1000;
		},
	);

	const statuses = await run(
		join(toolchain.postgresBinDir, 'psql'),
		[
			'-h',
			'127.0.0.1',
			'-p',
			String(pgPort),
			'-U',
			'n8n',
			'-d',
			'postgres',
			'-Atc',
			'select status, count(*) from execution_entity group by status order by status',
		],
		{ timeoutMs: 30_000 },
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

const cleanups: Array<() => Promise<void>> = [];
async function finish(code: number, message?: string): Promise<never> {
	if (message) console.error(`\nQUEUE MODE FAILED: ${message}`);
	else log('\nQUEUE MODE PASSED');
	await stopAll();
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
	log(`step times: ${timings.join(', ')}`);
	process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.on(signal, () => void finish(1, `stopped by ${signal}`));
setTimeout(
	() => void finish(1, `the run took longer than ${RUN_TIMEOUT_MS / 60_000} minutes`),
	RUN_TIMEOUT_MS,
).unref();
main().then(
	() => finish(0),
	(error: Error) => finish(1, error.message),
);
