/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm run test:e2e`: the built package in a real n8n 2.41.1 (Node 24), end to end.
 *
 *   install   Node 24 + n8n from the npm registry into the cache (reused on later runs)
 *   import    the Keitaro credential (pointing at the simulator) and every workflow of examples/
 *   run       each Manual Trigger example with `n8n execute`, against a fresh simulator; checks it
 *   start     `n8n start` on a loopback port
 *   server    node types under the package name, the AI-tool variant, the credential test
 *   examples  the trigger, webhook and form examples, activated on the server and started from
 *             outside (scripts/e2e/server-examples.ts); checks their executions and the Data Table
 *   editor    Chromium: nodes panel search (English and Russian), dropdowns, credential form
 *
 * Options: --screenshots <dir> (default .tmp/e2e; `docs/images` refreshes the README's pictures).
 * Every process it starts is stopped at the end, also on failure, timeout or Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IRun } from 'n8n-workflow';

import { KeitaroSimulator, seedDemo } from '../../test/simulator';
import { EXAMPLES_DIR, loadExamples } from '../../test/support/examples';
import { checkEditor } from './editor';
import { checkCoverage, checkModes, checkRun, EXPECTATIONS } from './examples';
import { n8nCli, N8nApi, PACKAGE_ROOT, prepareN8n, removeN8n, startN8n } from './n8n';
import { atEnd, freePort, runMain, step, stop } from './processes';
import { CACHE_DIR, provision } from './provision';
import { ServerExamples } from './server-examples';
import { checkCredentialTest, checkNodeTypes, type StoredCredential } from './server-checks';

/** The whole run, install included, must end within this (the CI budget is 30 minutes). */
const RUN_TIMEOUT_MS = 25 * 60_000;

const CREDENTIAL = { id: 'keitaroDemo', name: 'Keitaro (demo simulator)', type: 'keitaroApi' };
const RUSSIAN_ALIAS = 'Конверсия';

const log = (line: string) => console.log(line);

function option(name: string, fallback: string): string {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : fallback;
}

/** `n8n execute --rawOutput` prints the run as pretty JSON: from a line "{" to the next line "}". */
function parseRun(stdout: string): IRun {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	const end = lines.indexOf('}', start);
	if (start < 0 || end < 0)
		throw new Error(`n8n execute printed no run; its output:\n${stdout.slice(-2000)}`);
	return JSON.parse(lines.slice(start, end + 1).join('\n'));
}

/** A simulator on `port` with the demo data and this run's keys: a fresh Keitaro per example. */
async function startSimulator(
	port: number,
	apiKey: string,
	postbackKey: string,
): Promise<KeitaroSimulator> {
	const sim = new KeitaroSimulator({
		apiKeys: { [apiKey]: 'admin' },
		postbackKey,
		postbackDelayMs: 20,
	});
	seedDemo(sim.state, sim.now());
	await sim.start(port);
	return sim;
}

async function main(): Promise<void> {
	const screenshotDir = join(PACKAGE_ROOT, option('screenshots', '.tmp/e2e'));
	const examples = loadExamples();
	checkCoverage(examples.map((e) => e.file));
	checkModes(examples);
	const cliExamples = examples.filter((e) => EXPECTATIONS[e.file].mode === 'cli');

	// fresh keys per run: the check that they never appear in output cannot pass by accident
	const apiKey = `e2e-api-${randomBytes(12).toString('hex')}`;
	const postbackKey = randomBytes(6).toString('hex');
	const secrets = { 'API key': apiKey, 'postback key': postbackKey };

	const toolchain = await step('install', async () => {
		const result = await provision(log);
		log(`${result.installed ? 'installed' : 'reused'} Node 24 and n8n in ${CACHE_DIR}`);
		return result;
	});
	const n8n = await prepareN8n(toolchain);
	atEnd(() => removeN8n(n8n));
	const simPort = await freePort();
	const credential: StoredCredential = {
		...CREDENTIAL,
		data: {
			url: `http://127.0.0.1:${simPort}`,
			apiKey,
			postbackSecret: postbackKey,
			authHeader: 'apiKey',
			ignoreSslIssues: false,
		},
	};

	await step('import', async () => {
		const lastLine = (output: { stdout: string }) => output.stdout.trim().split('\n').pop();
		// the file holds the keys: it lives in the throwaway user folder only until n8n has read it
		const file = join(n8n.userFolder, 'credentials.json');
		writeFileSync(file, JSON.stringify([credential]));
		log(lastLine(await n8nCli(n8n, ['import:credentials', `--input=${file}`])) ?? '');
		rmSync(file);
		log(
			lastLine(await n8nCli(n8n, ['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`])) ??
				'',
		);
	});

	await step('run', async () => {
		for (const { file, workflow } of cliExamples) {
			const sim = await startSimulator(simPort, apiKey, postbackKey);
			try {
				const started = Date.now();
				const { stdout, stderr } = await n8nCli(n8n, [
					'execute',
					`--id=${workflow.id}`,
					'--rawOutput',
				]);
				const run = parseRun(stdout);
				const expectation = EXPECTATIONS[file];
				const summary = checkRun(workflow, run, stdout + stderr, secrets, expectation.notRun);
				expectation.output?.(run);
				await sim.idle();
				expectation.effect?.(sim, []);
				log(
					`PASS examples/${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}; the simulator holds the expected result`,
				);
			} catch (error) {
				throw new Error(`examples/${file}: ${(error as Error).message}`);
			} finally {
				await sim.stop();
			}
		}
	});

	const server = await step('start', async () => startN8n(n8n));
	const api = new N8nApi(n8n.baseUrl);
	const sim = await startSimulator(simPort, apiKey, postbackKey);
	atEnd(() => sim.stop());

	await step('server checks', async () => {
		await api.setUpOwner();
		log(await checkNodeTypes(api));
		log(await checkCredentialTest(api, credential));
	});

	await step('examples', async () => {
		// the server examples share this simulator; the credential test above only read from it
		await new ServerExamples(api, n8n.baseUrl, sim, secrets, log).runAll(examples);
	});

	await step('editor', async () => {
		const report = await checkEditor(n8n, {
			screenshotDir,
			secrets: Object.values(secrets),
			credentialId: CREDENTIAL.id,
			russianAlias: RUSSIAN_ALIAS,
		});
		report.forEach((line) => log(line));
		log(`screenshots in ${screenshotDir}`);
	});

	await stop(server.child);
	const leaked = Object.entries(secrets).filter(([, secret]) => server.output().includes(secret));
	if (leaked.length)
		throw new Error(`n8n's server log contains the ${leaked.map(([name]) => name).join(' and ')}`);
	log("\nn8n's server log contains neither key");
}

runMain('E2E', main, RUN_TIMEOUT_MS);
