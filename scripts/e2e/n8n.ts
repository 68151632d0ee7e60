/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * One throwaway n8n: its own user folder (SQLite database, encryption key, community packages),
 * loopback ports picked at random, the built package installed where n8n keeps community
 * packages, and its CLI commands, server and REST API.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

import { cleanEnv, type Toolchain } from './provision';
import {
	freePort,
	run,
	startService,
	stop,
	waitForService,
	CommandError,
	type Service,
} from './processes';

export const PACKAGE_ROOT = join(__dirname, '..', '..');
export const PACKAGE_NAME: string = require(join(PACKAGE_ROOT, 'package.json')).name;

/** How long n8n may take to answer /healthz/readiness (measured: 7 to 14 s idle, 58 s with the
 * machine's two cores busy with other builds). */
const READY_TIMEOUT_MS = 120_000;

export interface N8n {
	toolchain: Toolchain;
	userFolder: string;
	port: number;
	baseUrl: string;
	env: NodeJS.ProcessEnv;
}

/** A fresh user folder with the built package installed as a community package. */
export async function prepareN8n(toolchain: Toolchain): Promise<N8n> {
	const userFolder = mkdtempSync(join(tmpdir(), 'keitaro-e2e-n8n-'));
	// where n8n installs community packages (Settings → Community Nodes); loaded as
	// `<package name>.<node name>`, the type the examples use
	const installed = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	mkdirSync(installed, { recursive: true });
	for (const entry of ['package.json', 'index.js', 'dist']) {
		cpSync(join(PACKAGE_ROOT, entry), join(installed, entry), { recursive: true });
	}
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	return {
		toolchain,
		userFolder,
		port,
		baseUrl: `http://127.0.0.1:${port}`,
		env: cleanEnv({
			// n8n starts its task runner with `node` from PATH
			PATH: `${toolchain.nodeBinDir}${delimiter}${process.env.PATH}`,
			N8N_USER_FOLDER: userFolder,
			DB_TYPE: 'sqlite',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(port),
			// the task broker's default port (5679) may be taken by another n8n on this machine
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_DEFAULT_LOCALE: 'en',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_SECURE_COOKIE: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		}),
	};
}

export function removeN8n(n8n: N8n): void {
	rmSync(n8n.userFolder, { recursive: true, force: true });
}

/** Runs an n8n CLI command (import:credentials, execute, …) under Node 24. */
export async function n8nCli(n8n: N8n, args: string[], timeoutMs = 120_000) {
	return await run(n8n.toolchain.node, [n8n.toolchain.n8nBin, ...args], {
		env: n8n.env,
		timeoutMs,
		label: `n8n ${args[0]}`,
	});
}

/** `n8n start`, resolved once /healthz/readiness answers 200; fails early if n8n exits or hangs. */
export async function startN8n(n8n: N8n): Promise<Service> {
	const server = startService(n8n.toolchain.node, [n8n.toolchain.n8nBin, 'start'], {
		env: n8n.env,
	});
	try {
		await waitForService(
			server,
			'n8n to become ready',
			async () => {
				const response = await fetch(`${n8n.baseUrl}/healthz/readiness`).catch(() => undefined);
				return response?.status === 200 ? true : undefined;
			},
			READY_TIMEOUT_MS,
		);
	} catch (error) {
		await stop(server.child);
		throw error;
	}
	return server;
}

/** n8n's REST API as the owner, with the session cookie and browser ID the editor would send. */
export class N8nApi {
	static readonly owner = {
		email: 'e2e-owner@example.com',
		firstName: 'E2E',
		lastName: 'Owner',
		// a throwaway instance on loopback; meets n8n's password rules
		password: 'E2e-throwaway-1',
	};

	private cookie = '';

	constructor(private readonly baseUrl: string) {}

	/** Creates the instance owner (a new n8n has none) and keeps the session. */
	async setUpOwner(): Promise<void> {
		await this.request('POST', '/rest/owner/setup', N8nApi.owner);
		await this.request('POST', '/rest/login', {
			emailOrLdapLoginId: N8nApi.owner.email,
			password: N8nApi.owner.password,
		});
	}

	async request<T = any>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				// n8n binds the session to this header
				'browser-id': 'keitaro-e2e',
				cookie: this.cookie,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const session = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (session) this.cookie = session.split(';')[0];
		const text = await response.text();
		if (!response.ok) {
			throw new CommandError(
				`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`,
			);
		}
		const json = JSON.parse(text);
		// the REST API wraps answers in { data }; the /types/*.json files are plain
		return (path.startsWith('/rest/') ? json.data : json) as T;
	}
}
