/* eslint-disable */ // test infrastructure: not shipped, not scanned
/**
 * A Keitaro tracker on 127.0.0.1: the Admin API routes of ./routes, the S2S postback endpoint with
 * its queue, Keitaro's error styles, and fault injection. Used by the tests, `npm start`, the
 * end-to-end run and the benchmarks.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';

import { HttpError } from './grid';
import type { PostbackJob } from './postback';
import { logPostback, processPostback } from './postback';
import { adminRoutes, type Route } from './routes';
import type { SimulatorState } from './state';
import { emptyState } from './state';

export type FaultKind =
	| 'latency'
	| '429'
	| '429-retry-after'
	| '500'
	| '502'
	| '503'
	| 'reset'
	| 'timeout'
	| 'html200'
	| 'truncated'
	| 'slow-body';

export interface FaultConfig {
	/** share of requests that get a fault, 0..1 */
	rate: number;
	kinds: FaultKind[];
	/** which requests may get one; default both */
	scope?: 'admin' | 'postback' | 'all';
	seed?: number;
	latencySpikeMs?: number;
	retryAfterSeconds?: number;
	slowBodyMs?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: string;
	headers: http.IncomingHttpHeaders;
	body: string;
	status?: number;
	fault?: FaultKind;
	/** Keitaro requests in flight when this one arrived, itself included */
	inFlight?: number;
	/** what the request check found wrong (answered 400) */
	violation?: string;
}

/**
 * A tracker that serves only so many requests at once, as HAProxy's `maxconn` in front of a
 * PHP-FPM pool does: the rest wait in a queue for up to `queueMs`, then get `refuse` (HAProxy
 * answers 503; nginx before a full pool 502; a rate limiter 429 with Retry-After). The latency of
 * a served request grows as the pool fills: latencyMs × (1 + busy / slots), twice the base when
 * every slot is busy.
 */
export interface CapacityConfig {
	slots: number;
	queueMs: number;
	refuse?: 429 | 502 | 503;
	retryAfterSeconds?: number;
}

/** Checks an Admin API or postback request before it is served; a problem it names is answered 400. */
export type RequestCheck = (
	request: RecordedRequest,
	kind: 'admin' | 'postback',
) => string | undefined;

export type ApiKeyRole = 'admin' | 'restricted' | 'unlicensed';

export interface SimulatorOptions {
	apiKeys?: Record<string, ApiKeyRole>;
	postbackKey?: string;
	/** how long a postback waits in the queue before it is applied */
	postbackDelayMs?: number;
	/** base latency added to every answer (benchmarks) */
	latencyMs?: number;
	/** serve at most so many requests at once (none: unlimited) */
	capacity?: CapacityConfig;
	now?: () => Date;
	tls?: { key: string | Buffer; cert: string | Buffer };
}

/** An answer the simulator gives instead of Keitaro's, once, to a request whose path contains `pathIncludes`. */
export interface ScriptedAnswer {
	pathIncludes?: string;
	status: number;
	body: string;
	contentType?: string;
	headers?: http.OutgoingHttpHeaders;
}

export const DEFAULT_API_KEY = 'sim-api-key-0123456789abcdef';
export const DEFAULT_POSTBACK_KEY = 'sim7pbk';

const ADMIN_PREFIX = '/admin_api/v1';
const ADMIN_HTML =
	'<!DOCTYPE html><html><head><title>Keitaro</title></head><body><div id="app">Keitaro admin panel</div></body></html>';
const PROXY_HTML = (status: number) =>
	`<html><head><title>${status}</title></head><body><center><h1>${status}</h1></center><hr><center>nginx</center></body></html>`;

/** mulberry32: a small seeded PRNG so fault patterns repeat run to run */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface CompiledRoute extends Route {
	regex: RegExp;
	names: string[];
}

function compile(route: Route): CompiledRoute {
	const names: string[] = [];
	const pattern = route.path.replace(/\{(\w+)\}/g, (_, name) => {
		names.push(name);
		return '([^/]+)';
	});
	return { ...route, regex: new RegExp(`^${pattern}$`), names };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class KeitaroSimulator {
	/** Set by the tests' jest setup (test/support/contractSetup.ts): every simulator checks requests against the spec. */
	static requestCheck: RequestCheck | undefined;

	state: SimulatorState = emptyState();
	readonly requests: RecordedRequest[] = [];
	faults: FaultConfig | undefined;
	latencyMs: number;
	capacity: CapacityConfig | undefined;
	/** Keitaro requests being handled now (queued ones included), and the most there ever were */
	inFlight = 0;
	peakInFlight = 0;
	/** capacity slots taken now, and the most ever taken */
	busy = 0;
	peakBusy = 0;
	postbackDelayMs: number;
	readonly apiKeys: Record<string, ApiKeyRole>;
	readonly postbackKey: string;
	now: () => Date;
	url = '';

	private server: http.Server | https.Server;
	private readonly sockets = new Set<Socket>();
	private readonly routes = adminRoutes.map(compile);
	private queue: PostbackJob[] = [];
	private queueTimer: NodeJS.Timeout | undefined;
	private idleWaiters: Array<() => void> = [];
	private random: () => number = Math.random;
	private scripted: ScriptedAnswer[] = [];
	private waiting: Array<(release: () => void) => void> = [];

	constructor(options: SimulatorOptions = {}) {
		this.apiKeys = options.apiKeys ?? { [DEFAULT_API_KEY]: 'admin' };
		this.postbackKey = options.postbackKey ?? DEFAULT_POSTBACK_KEY;
		this.postbackDelayMs = options.postbackDelayMs ?? 20;
		this.latencyMs = options.latencyMs ?? 0;
		this.capacity = options.capacity;
		this.now = options.now ?? (() => new Date());
		const handler = (req: http.IncomingMessage, res: http.ServerResponse) =>
			void this.handle(req, res);
		this.server = options.tls
			? https.createServer(options.tls, handler)
			: http.createServer(handler);
		this.server.keepAliveTimeout = 30_000;
		this.server.on('connection', (socket: Socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Admin API routes served, as `METHOD /path/{param}` (for the contract test). */
	get adminRoutes(): Route[] {
		return this.routes;
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
		const address = this.server.address() as AddressInfo;
		const scheme = this.server instanceof https.Server ? 'https' : 'http';
		this.url = `${scheme}://${host}:${address.port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		clearTimeout(this.queueTimer);
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	/** Queues answers in Keitaro's less common styles (plain-text 404, field maps, HTML) for tests. */
	scriptAnswer(...answers: ScriptedAnswer[]): void {
		this.scripted.push(...answers);
	}

	setFaults(faults: FaultConfig | undefined): void {
		this.faults = faults;
		this.random = faults?.seed !== undefined ? prng(faults.seed) : Math.random;
	}

	/** Requests Keitaro received (control calls of the tests are not recorded). */
	requestsTo(pathPrefix: string): RecordedRequest[] {
		return this.requests.filter((r) => r.path.startsWith(pathPrefix));
	}

	get pendingPostbacks(): number {
		return this.queue.length;
	}

	/** Applies every queued postback now (Keitaro's queue worker, run on demand). */
	flushPostbacks(): void {
		clearTimeout(this.queueTimer);
		this.queueTimer = undefined;
		const jobs = this.queue;
		this.queue = [];
		for (const job of jobs) processPostback(this.state, job, this.now());
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const resolve of waiters) resolve();
	}

	/** Resolves once the postback queue is empty. */
	async idle(): Promise<void> {
		if (!this.queue.length) return;
		await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
	}

	private enqueue(job: PostbackJob): void {
		this.queue.push(job);
		if (this.queueTimer === undefined) {
			this.queueTimer = setTimeout(() => this.flushPostbacks(), this.postbackDelayMs);
		}
	}

	private pickFault(kind: 'admin' | 'postback'): FaultKind | undefined {
		const f = this.faults;
		if (!f || !f.kinds.length || (f.scope && f.scope !== 'all' && f.scope !== kind))
			return undefined;
		if (this.random() >= f.rate) return undefined;
		return f.kinds[Math.floor(this.random() * f.kinds.length)];
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const body = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://simulator');
		if (url.pathname.startsWith('/__simulator/')) return this.control(url, body, res);
		const record: RecordedRequest = {
			method: req.method ?? 'GET',
			path: url.pathname,
			query: url.search,
			headers: req.headers,
			body,
		};
		this.requests.push(record);
		record.inFlight = ++this.inFlight;
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
		res.on('close', () => this.inFlight--);
		if (this.capacity) {
			const release = await this.takeSlot(this.capacity);
			if (!release) return this.refuse(this.capacity, res, record);
			res.on('close', release);
		}
		const latency = this.capacity
			? this.latencyMs * (1 + this.busy / this.capacity.slots)
			: this.latencyMs;
		if (latency) await sleep(latency);
		const postbackMatch = /^\/([^/]+)\/postback$/.exec(url.pathname);
		const kind = url.pathname.startsWith(`${ADMIN_PREFIX}/`)
			? 'admin'
			: postbackMatch
				? 'postback'
				: undefined;
		const violation = kind ? KeitaroSimulator.requestCheck?.(record, kind) : undefined;
		if (violation) {
			record.violation = violation;
			record.status = 400;
			return this.write(res, 400, JSON.stringify({ error: violation }), 'application/json');
		}
		const fault = kind ? this.pickFault(kind) : undefined;
		record.fault = fault;
		const send = (
			status: number,
			payload: string,
			contentType: string,
			headers: http.OutgoingHttpHeaders = {},
		) => {
			record.status = status;
			return this.write(res, status, payload, contentType, headers, fault);
		};
		if (fault && (await this.failBefore(fault, res, record))) return;
		const scriptedIndex = kind
			? this.scripted.findIndex((a) => !a.pathIncludes || url.pathname.includes(a.pathIncludes))
			: -1;
		if (scriptedIndex >= 0) {
			const [answer] = this.scripted.splice(scriptedIndex, 1);
			return send(
				answer.status,
				answer.body,
				answer.contentType ?? 'application/json',
				answer.headers,
			);
		}

		if (kind === 'postback') {
			const params = url.searchParams;
			if (req.method === 'POST' && body && !body.trim().startsWith('{')) {
				for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
			}
			const key = decodeURIComponent(postbackMatch![1]);
			if (key !== this.postbackKey) {
				return send(
					200,
					`Incorrect postback code (${key} in ${url.pathname})`,
					'text/html; charset=UTF-8',
				);
			}
			const jid = String(this.state.nextIds.job++);
			logPostback(this.state, this.now(), jid, `Received postback ${url.pathname}${url.search}`);
			const subid = params.get('subid') ?? params.get('sub_id') ?? params.get('clickid') ?? '';
			logPostback(
				this.state,
				this.now(),
				jid,
				`Using "${subid}" as subid. Postback added to queue.`,
			);
			this.enqueue({ jid, params: new URLSearchParams(params), receivedAt: this.now() });
			const ret = params.get('return');
			return send(
				200,
				ret && ret !== 'gif' && ret !== 'jsonp' ? ret : 'Success',
				'text/html; charset=UTF-8',
			);
		}
		if (kind !== 'admin') return send(200, ADMIN_HTML, 'text/html; charset=UTF-8');

		const role = this.authenticate(req.headers);
		if (!role) return send(401, JSON.stringify({ error: 'Invalid API key' }), 'application/json');
		if (role === 'unlicensed') {
			return send(
				402,
				JSON.stringify({ error: 'Admin API is available only in Business editions' }),
				'application/json',
			);
		}
		const path = url.pathname.slice(ADMIN_PREFIX.length);
		const route = this.routes.find((r) => r.method === req.method && r.regex.test(path));
		if (!route) {
			return send(
				400,
				JSON.stringify({ error: `URL '${req.method} ${url.pathname}' does not match any route` }),
				'application/json',
			);
		}
		if (role === 'restricted' && req.method !== 'GET') {
			return send(
				403,
				JSON.stringify({ error: 'You have no permission to access this page', stacktrace: null }),
				'application/json',
			);
		}
		const values = route.regex.exec(path)!.slice(1);
		const params = Object.fromEntries(
			route.names.map((name, i) => [name, decodeURIComponent(values[i])]),
		);
		let parsed: unknown;
		if (body.trim()) {
			try {
				parsed = JSON.parse(body);
			} catch {
				return send(
					400,
					JSON.stringify({ error: 'Request body is not valid JSON' }),
					'application/json',
				);
			}
		}
		try {
			const result = route.handle({
				state: this.state,
				now: this.now(),
				params,
				query: url.searchParams,
				body: parsed,
			});
			return send(200, JSON.stringify(result), 'application/json');
		} catch (error) {
			if (error instanceof HttpError) {
				const payload = typeof error.body === 'string' ? error.body : JSON.stringify(error.body);
				return send(error.status, payload, error.contentType);
			}
			return send(500, PROXY_HTML(500), 'text/html');
		}
	}

	/** A capacity slot, after waiting up to queueMs for one; undefined when none came free. */
	private takeSlot(capacity: CapacityConfig): Promise<(() => void) | undefined> {
		if (this.busy < capacity.slots) {
			this.busy++;
			this.peakBusy = Math.max(this.peakBusy, this.busy);
			return Promise.resolve(this.slot());
		}
		if (capacity.queueMs <= 0) return Promise.resolve(undefined);
		return new Promise((resolve) => {
			const waiter = (release: () => void) => {
				clearTimeout(timer);
				resolve(release);
			};
			const timer = setTimeout(() => {
				this.waiting.splice(this.waiting.indexOf(waiter), 1);
				resolve(undefined);
			}, capacity.queueMs);
			this.waiting.push(waiter);
		});
	}

	/** The release of a taken slot: it passes to the longest waiting request, or becomes free. */
	private slot(): () => void {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			const next = this.waiting.shift();
			if (next) next(this.slot());
			else this.busy--;
		};
	}

	private refuse(
		capacity: CapacityConfig,
		res: http.ServerResponse,
		record: RecordedRequest,
	): void {
		const status = capacity.refuse ?? 503;
		record.status = status;
		if (status === 429) {
			this.write(res, 429, JSON.stringify({ error: 'Too many requests' }), 'application/json', {
				'Retry-After': String(capacity.retryAfterSeconds ?? 1),
			});
		} else {
			this.write(res, status, PROXY_HTML(status), 'text/html');
		}
	}

	private authenticate(headers: http.IncomingHttpHeaders): ApiKeyRole | undefined {
		const apiKey = headers['api-key'];
		const bearer = /^Bearer (.+)$/.exec(String(headers.authorization ?? ''))?.[1];
		const key = typeof apiKey === 'string' ? apiKey : bearer;
		return key ? this.apiKeys[key] : undefined;
	}

	/** Faults that answer instead of Keitaro; true when the request was answered (or dropped). */
	private async failBefore(
		fault: FaultKind,
		res: http.ServerResponse,
		record: RecordedRequest,
	): Promise<boolean> {
		const f = this.faults!;
		switch (fault) {
			case 'latency':
				await sleep(f.latencySpikeMs ?? 500);
				return false;
			case '429':
				record.status = 429;
				this.write(res, 429, JSON.stringify({ error: 'Too many requests' }), 'application/json');
				return true;
			case '429-retry-after':
				record.status = 429;
				this.write(res, 429, JSON.stringify({ error: 'Too many requests' }), 'application/json', {
					'Retry-After': String(f.retryAfterSeconds ?? 1),
				});
				return true;
			case '500':
				record.status = 500;
				this.write(
					res,
					500,
					JSON.stringify({ error: 'Internal Server Error' }),
					'application/json',
				);
				return true;
			case '502':
			case '503':
				record.status = Number(fault);
				this.write(res, Number(fault), PROXY_HTML(Number(fault)), 'text/html');
				return true;
			case 'reset':
				res.socket?.destroy();
				return true;
			case 'timeout':
				// never answers; the client gives up after its timeout
				return true;
			case 'html200':
				record.status = 200;
				this.write(res, 200, ADMIN_HTML, 'text/html; charset=UTF-8');
				return true;
			default:
				return false;
		}
	}

	private write(
		res: http.ServerResponse,
		status: number,
		payload: string,
		contentType: string,
		headers: http.OutgoingHttpHeaders = {},
		fault?: FaultKind,
	): void {
		if (fault === 'truncated') {
			// processed, but the answer is cut in half: valid HTTP, invalid body
			res.writeHead(status, { 'Content-Type': contentType, ...headers });
			res.end(payload.slice(0, Math.max(1, Math.floor(payload.length / 2))));
			return;
		}
		if (fault === 'slow-body') {
			res.writeHead(status, { 'Content-Type': contentType, ...headers });
			const slowMs = this.faults?.slowBodyMs ?? 300;
			const middle = Math.floor(payload.length / 2);
			res.write(payload.slice(0, middle));
			setTimeout(() => res.end(payload.slice(middle)), slowMs);
			return;
		}
		res.writeHead(status, {
			'Content-Type': contentType,
			'Content-Length': Buffer.byteLength(payload),
			...headers,
		});
		res.end(payload);
	}

	/** Loopback-only control API for out-of-process users (demo, end-to-end run, benchmarks). */
	private control(url: URL, body: string, res: http.ServerResponse): void {
		const json = (value: unknown) =>
			this.write(res, 200, JSON.stringify(value), 'application/json');
		const input = body.trim() ? JSON.parse(body) : {};
		switch (url.pathname) {
			case '/__simulator/flush':
				this.flushPostbacks();
				return json({ ok: true });
			case '/__simulator/faults':
				this.setFaults(input.rate ? input : undefined);
				return json({ ok: true });
			case '/__simulator/conversions': {
				const subId = url.searchParams.get('sub_id');
				return json(
					subId ? (this.state.conversionsBySubId.get(subId) ?? []) : this.state.conversions,
				);
			}
			case '/__simulator/requests':
				return json({
					count: this.requests.length,
					postbacks: this.requests.filter((r) => r.path.endsWith('/postback')).length,
					status429: this.requests.filter((r) => r.status === 429).length,
					status5xx: this.requests.filter((r) => (r.status ?? 0) >= 500).length,
					peakInFlight: this.peakInFlight,
					peakBusy: this.peakBusy,
				});
			default:
				return this.write(
					res,
					404,
					JSON.stringify({ error: 'unknown control path' }),
					'application/json',
				);
		}
	}
}
