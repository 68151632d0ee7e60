/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * Child processes of the queue-mode run. Each starts in a process group of its own, so it and
 * whatever it spawns (runuser's postgres, n8n's task runner) stop together; `stopAll()` ends every
 * one still running, on success, failure, timeout or Ctrl-C.
 *
 * The same idea as scripts/e2e/processes.ts of the end-to-end branch (not on main yet); once both
 * land, this file should give way to that one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface Service {
	child: ChildProcess;
	/** everything the process printed so far */
	output(): string;
	exited: Promise<number | null>;
}

const running = new Set<Service>();

export function start(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Service {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => {
		child.on('error', () => resolve(null));
		child.on('exit', resolve);
	});
	const service = { child, output: () => output, exited };
	running.add(service);
	void exited.then(() => running.delete(service));
	return service;
}

export function tail(text: string, lines = 15): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs a command to its end; fails with its last output on a non-zero exit or after `timeoutMs`. */
export async function run(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs: number },
): Promise<string> {
	const service = start(command, args, options);
	const timer = setTimeout(() => void stop(service), options.timeoutMs);
	const code = await service.exited.finally(() => clearTimeout(timer));
	if (code !== 0) {
		throw new Error(
			`${command} ${args.slice(0, 2).join(' ')} ended with ${code}:\n${tail(service.output())}`,
		);
	}
	return service.output();
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, signal);
	} catch {
		// the group is gone already
	}
}

/** SIGTERM to the process group; SIGKILL to whatever is left after `graceMs`. */
export async function stop(service: Service, graceMs = 10_000): Promise<void> {
	signalGroup(service.child.pid, 'SIGTERM');
	await Promise.race([service.exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
	signalGroup(service.child.pid, 'SIGKILL');
	await service.exited;
}

export async function stopAll(): Promise<void> {
	await Promise.all([...running].map((service) => stop(service)));
}

export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Polls `check` until it gives a value; fails with `what` after `timeoutMs`, or when `service` exits. */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined> | T | undefined,
	timeoutMs: number,
	service?: Service,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void service?.exited.then((code) => (exitCode = code));
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (exitCode !== undefined)
			throw new Error(`${what}: the process ended (${exitCode}):\n${tail(service!.output())}`);
		if (Date.now() > deadline)
			throw new Error(
				`${what}: not within ${timeoutMs / 1000} s${service ? `:\n${tail(service.output())}` : ''}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
