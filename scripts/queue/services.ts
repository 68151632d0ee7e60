/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * What only the queue-mode run needs: Redis and PostgreSQL from Debian's packages (installed with
 * apt-get when missing), started on loopback with throwaway data directories. They run as children
 * of scripts/e2e/processes.ts, so they stop with everything else; the data directories go at the
 * end of the run.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { atEnd, freePort, run, startService, waitForService } from '../e2e/processes';

const REDIS_SERVER = '/usr/bin/redis-server';

export interface Databases {
	redisPort: number;
	pgPort: number;
	/** runs a query with psql; its rows, unaligned, one a line */
	query(sql: string): Promise<string>;
}

/** The newest PostgreSQL of Debian's packages, by its bin directory. */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
	return versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
}

async function install(log: (line: string) => void): Promise<string> {
	if (!postgresBinDir() || !existsSync(REDIS_SERVER)) {
		log('installing redis-server and postgresql from Debian');
		const apt = (args: string[]) =>
			run('apt-get', args, {
				env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
				timeoutMs: 10 * 60_000,
				label: `apt-get ${args[0]}`,
			});
		await apt(['install', '-y', 'redis-server', 'postgresql']).catch(async () => {
			await apt(['update']);
			await apt(['install', '-y', 'redis-server', 'postgresql']);
		});
	}
	return postgresBinDir()!;
}

/** Redis and PostgreSQL on 127.0.0.1, each on a free port, with data in a throwaway directory. */
export async function startDatabases(log: (line: string) => void): Promise<Databases> {
	const pgBin = await install(log);
	const dir = mkdtempSync(join(tmpdir(), 'keitaro-queue-db-'));
	atEnd(() => rmSync(dir, { recursive: true, force: true }));
	const redisPort = await freePort();
	const pgPort = await freePort();

	const redis = startService(
		REDIS_SERVER,
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String(redisPort),
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dir,
		],
		{},
	);
	await waitForService(
		redis,
		'Redis',
		() => redis.output().includes('Ready to accept connections') || undefined,
		30_000,
	);

	// PostgreSQL refuses to run as root: as root, its own user runs it
	const root = process.getuid?.() === 0;
	const asPostgres = (command: string, args: string[]): [string, string[]] =>
		root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	const pgDir = join(dir, 'postgres');
	mkdirSync(pgDir);
	if (root) {
		chmodSync(dir, 0o711);
		await run('chown', ['postgres:postgres', pgDir], { timeoutMs: 10_000, label: 'chown' });
	}
	await run(
		...asPostgres(join(pgBin, 'initdb'), [
			'-D',
			pgDir,
			'-U',
			'n8n',
			'--auth=trust',
			'--no-sync',
			'-E',
			'UTF8',
		]),
		{ timeoutMs: 120_000, label: 'initdb' },
	);
	const pg = startService(
		...asPostgres(join(pgBin, 'postgres'), [
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
		{},
	);
	await waitForService(
		pg,
		'PostgreSQL',
		() => pg.output().includes('ready to accept connections') || undefined,
		60_000,
	);
	log(`Redis on 127.0.0.1:${redisPort}, PostgreSQL on 127.0.0.1:${pgPort}`);

	const query = async (sql: string) =>
		(
			await run(
				join(pgBin, 'psql'),
				['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'n8n', '-d', 'postgres', '-Atc', sql],
				{ timeoutMs: 30_000, label: 'psql' },
			)
		).stdout;
	return { redisPort, pgPort, query };
}
