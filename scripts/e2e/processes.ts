/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * Child processes of the end-to-end run (`npm run test:e2e`) and the queue-mode run
 * (`npm run test:queue`). Every child starts in its own process group so that it and everything it
 * spawns (npm's node-gyp, n8n's task runner, runuser's postgres) can be stopped together, and every
 * child is registered so `stopAll()` ends them on success, failure, timeout or Ctrl-C.
 *
 * `runMain()` is both runs' frame: timed steps, then every process stopped and every clean-up run,
 * whichever way the run ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set<ChildProcess>();

export interface RunOptions {
	cwd?: string;
	env?: NodeJS.ProcessEnv;
	/** the command fails with a clear message when it takes longer */
	timeoutMs: number;
	/** what the command is, for messages ("npm install n8n@2.41.1") */
	label: string;
}

export interface RunResult {
	stdout: string;
	stderr: string;
}

export class CommandError extends Error {}

/** Last lines of a process's output, for error messages. */
export function tail(text: string, lines = 20): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

interface Spawned {
	child: ChildProcess;
	stdout(): string;
	stderr(): string;
}

/** Starts a child in a process group of its own (see above), registered for `stopAll()`. */
function spawnInGroup(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv },
): Spawned {
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: options.env ?? process.env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	running.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', (chunk) => (stdout += chunk));
	child.stderr!.on('data', (chunk) => (stderr += chunk));
	return { child, stdout: () => stdout, stderr: () => stderr };
}

/** Runs a command to completion; rejects on a non-zero exit or when it exceeds its time limit. */
export async function run(
	command: string,
	args: string[],
	options: RunOptions,
): Promise<RunResult> {
	const { child, stdout, stderr } = spawnInGroup(command, args, options);
	let timedOut = false;
	const timer = setTimeout(() => {
		timedOut = true;
		void stop(child);
	}, options.timeoutMs);
	const code = await new Promise<number | null>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', resolve);
	}).finally(() => {
		clearTimeout(timer);
		// nothing the command started may outlive it
		signalGroup(child.pid!, 'SIGKILL');
		running.delete(child);
	});
	const output = () => tail(stdout() + stderr());
	if (timedOut) {
		throw new CommandError(
			`${options.label} did not finish within ${options.timeoutMs / 1000} s; last output:\n${output()}`,
		);
	}
	if (code !== 0)
		throw new CommandError(`${options.label} exited with ${code}; last output:\n${output()}`);
	return { stdout: stdout(), stderr: stderr() };
}

export interface Service {
	child: ChildProcess;
	/** everything the process has printed so far */
	output(): string;
	exited: Promise<number | null>;
}

/** Starts a long-running process (a server); `stopAll()` or `stop()` ends it. */
export function startService(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv },
): Service {
	const { child, stdout, stderr } = spawnInGroup(command, args, options);
	// 'exit', not 'close': a grandchild that keeps the output pipes open must not hide the exit
	const exited = new Promise<number | null>((resolve) => {
		child.on('error', () => resolve(null));
		child.on('exit', resolve);
	});
	return { child, output: () => stdout() + stderr(), exited };
}

/** SIGTERM to the whole process group, SIGKILL to whatever of it is left after `graceMs`. */
export async function stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.pid === undefined) return;
	const exited =
		child.exitCode !== null || child.signalCode !== null
			? Promise.resolve()
			: new Promise<void>((resolve) => child.once('exit', () => resolve()));
	signalGroup(child.pid, 'SIGTERM');
	await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, graceMs))]);
	// the leader may be gone while its children (n8n's task runner, node-gyp) are not
	signalGroup(child.pid, 'SIGKILL');
	await exited;
	running.delete(child);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// the group is already gone
	}
}

/** Stops every child process this run started that is still running. */
export async function stopAll(): Promise<void> {
	await Promise.all([...running].map((child) => stop(child)));
}

/** A free TCP port on 127.0.0.1, chosen by the kernel. */
export async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/**
 * Polls `check` until it returns a value, or fails with `message()` after `timeoutMs`. An error
 * thrown by `check` ends the wait at once.
 */
export async function waitFor<T>(
	check: () => Promise<T | undefined>,
	timeoutMs: number,
	message: () => string,
	intervalMs = 500,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new CommandError(message());
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
}

/**
 * `waitFor` on a started service: fails at once, with its last output, when the service exits
 * before `check` gives a value, and with its last output after `timeoutMs`. `what` names what is
 * awaited ("n8n to become ready").
 */
export async function waitForService<T>(
	service: Service,
	what: string,
	check: () => Promise<T | undefined> | T | undefined,
	timeoutMs: number,
): Promise<T> {
	let exitCode: number | null | undefined;
	void service.exited.then((code) => (exitCode = code));
	return await waitFor(
		async () => {
			if (exitCode !== undefined) {
				throw new CommandError(
					`waiting for ${what}: the process ended with code ${exitCode}; last output:\n${tail(service.output())}`,
				);
			}
			return await check();
		},
		timeoutMs,
		() =>
			`waiting for ${what}: not within ${timeoutMs / 1000} s; last output:\n${tail(service.output())}`,
	);
}

const timings: Array<[string, number]> = [];
const cleanups: Array<() => Promise<void>> = [];

/** One step of a run: announced, timed, its time printed at the end. */
export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
	console.log(`\n== ${name}`);
	const started = Date.now();
	try {
		return await fn();
	} finally {
		timings.push([name, (Date.now() - started) / 1000]);
	}
}

/** Runs `cleanup` at the end of the run, after every process has stopped; the last added first. */
export function atEnd(cleanup: () => Promise<void> | void): void {
	cleanups.push(async () => cleanup());
}

/**
 * Runs `main` as the script: prints "<name> PASSED" or "<name> FAILED: <why>", stops every process,
 * runs the clean-ups, prints the step times and exits 0 or 1; the same on Ctrl-C, SIGTERM or after
 * `timeoutMs`.
 */
export function runMain(name: string, main: () => Promise<void>, timeoutMs: number): void {
	let finishing: Promise<never> | undefined;
	// once: a signal during the clean-up (or a second signal) must not stop and clean up again
	const finish = (code: number, message?: string): Promise<never> =>
		(finishing ??= end(code, message));
	const end = async (code: number, message?: string): Promise<never> => {
		console.log(message ? '' : `\n${name} PASSED`);
		if (message) console.error(`\n${name} FAILED: ${message}`);
		await stopAll();
		for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
		console.log(
			`\nstep times: ${timings.map(([step, seconds]) => `${step} ${seconds.toFixed(1)} s`).join(', ')}`,
		);
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => void finish(1, `stopped by ${signal}`));
	}
	setTimeout(
		() => void finish(1, `the run took longer than ${timeoutMs / 60_000} minutes`),
		timeoutMs,
	).unref();
	main().then(
		() => finish(0),
		(error: Error) => finish(1, error.message),
	);
}
