import type { IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { HttpAnswer } from './errors';
import {
	adminApiAnswerError,
	connectionError,
	isIncomplete,
	looksLikeHtml,
	postbackAnswerError,
} from './errors';
import { redact } from './redact';
import type { KeitaroContext, RequestSummary } from './types';
import { ADMIN_API_PATH, trackerBaseUrl } from './url';

export type { KeitaroContext, RequestSummary } from './types';
export { mayHaveArrived } from './errors';

const CREDENTIAL = 'keitaroApi';
const USER_AGENT = 'n8n-nodes-keitaro-tracker';
export const DEFAULT_TIMEOUT_MS = 30_000;

const MAX_RETRIES = 4;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;
const RETRY_STATUSES = new Set([500, 502, 503, 504]);
const RETRY_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_BAD_RESPONSE',
]);
export const DEFAULT_PAGE_SIZE = 1000;

/** The Timeout option of the running node, set by the router for its execution context. */
const timeouts = new WeakMap<KeitaroContext, number>();

export function setRequestTimeout(context: KeitaroContext, timeoutMs: number): void {
	timeouts.set(context, timeoutMs);
}

function timeoutFor(context: KeitaroContext): number {
	return timeouts.get(context) ?? DEFAULT_TIMEOUT_MS;
}

/** One answer to one attempt, as the transport saw it: what paces the next requests (helpers/concurrency.ts). */
export interface AnswerReport {
	/** Date.now() when the attempt was sent */
	startedAt: number;
	/** how long the answer took, ms */
	ms: number;
	/** its HTTP status; none when no answer came (timeout, reset, refused) */
	status?: number;
}

export interface AnswerObserver {
	observe(report: AnswerReport): void;
}

/** Who hears about every answer of a running node: its concurrency limit, while it paces requests. */
const answerObservers = new WeakMap<KeitaroContext, AnswerObserver>();

/** Reports every answer of `context` to `observer` until the returned function is called. */
export function observeAnswers(context: KeitaroContext, observer: AnswerObserver): () => void {
	const previous = answerObservers.get(context);
	answerObservers.set(context, observer);
	return () => {
		if (answerObservers.get(context) !== observer) return;
		if (previous) answerObservers.set(context, previous);
		else answerObservers.delete(context);
	};
}

export interface KeitaroConnection {
	trackerUrl: string;
	adminApiUrl: string;
	host: string;
	postbackKey: string;
	/** Values scrubbed from everything the node shows. */
	secrets: string[];
	authHeader: string;
	ignoreSslIssues: boolean;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below /admin_api/v1, e.g. `/conversions/log`. */
	path: string;
	body?: IDataObject | IDataObject[];
	qs?: IDataObject;
	/**
	 * Whether sending it twice is harmless, so it may be retried after a network error or 5xx.
	 * Defaults to true for GET, PUT and DELETE. A POST says so itself (log and report reads do);
	 * creates never do.
	 */
	idempotent?: boolean;
}

export interface ApiResponse<T> {
	data: T;
	request: RequestSummary;
	/** Keitaro's `meta` of a log or report answer (first page): `datetime` is the tracker's clock. */
	meta?: IDataObject;
}

/** The connection of each running node: its credential is read once, not once per request. */
const connections = new WeakMap<KeitaroContext, Promise<KeitaroConnection>>();

/** Reads and checks the credential (once per execution); throws before any request when it cannot work. */
export async function getConnection(this: KeitaroContext): Promise<KeitaroConnection> {
	let connection = connections.get(this);
	if (!connection) {
		connection = readConnection.call(this);
		connections.set(this, connection);
		connection.catch(() => connections.delete(this));
	}
	return await connection;
}

async function readConnection(this: KeitaroContext): Promise<KeitaroConnection> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const rawUrl = String(credentials.url ?? '').trim();
	if (!rawUrl) {
		throw new NodeOperationError(this.getNode(), 'The Keitaro credential has no Tracker URL', {
			description:
				'Open the credential and enter the tracker address, e.g. https://tracker.example.com.',
		});
	}
	const trackerUrl = trackerBaseUrl(rawUrl);
	let host: string;
	try {
		host = new URL(trackerUrl).host;
	} catch {
		throw new NodeOperationError(
			this.getNode(),
			`The Tracker URL "${rawUrl}" is not a web address`,
			{
				description: 'Enter it like https://tracker.example.com or tracker.example.com:8080.',
			},
		);
	}
	const apiKey = String(credentials.apiKey ?? '');
	const postbackKey = String(credentials.postbackSecret ?? '').trim();
	return {
		trackerUrl,
		adminApiUrl: `${trackerUrl}${ADMIN_API_PATH}`,
		host,
		postbackKey,
		secrets: [apiKey, postbackKey].filter(Boolean),
		authHeader: credentials.authHeader === 'bearer' ? 'Authorization' : 'Api-Key',
		ignoreSslIssues: credentials.ignoreSslIssues === true,
	};
}

function withQuery(url: string, qs?: IDataObject): string {
	const entries = Object.entries(qs ?? {}).filter(
		([, value]) => value !== undefined && value !== '',
	);
	if (!entries.length) return url;
	return `${url}?${new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString()}`;
}

function summarize(
	connection: KeitaroConnection,
	method: string,
	url: string,
	headers: IDataObject,
): RequestSummary {
	return { method, url: redact(url, connection.secrets), headers };
}

/** Node's error code of a failed request (ECONNREFUSED, ECONNRESET, …), wherever n8n wrapped it. */
function networkCode(error: unknown): string {
	let current = error as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && current.code) return current.code;
		current = current.cause as typeof current;
	}
	return '';
}

function retryAfterMs(headers: IDataObject): number | undefined {
	const value = headers['retry-after'];
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(value)) - Date.now();
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}

function backoffMs(attempt: number): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
	return ceiling / 2 + Math.random() * (ceiling / 2);
}

interface RawAnswer extends HttpAnswer {
	headers: IDataObject;
	/** the text parsed as JSON, once: null when it is not JSON */
	json?: { value: unknown } | null;
}

function parseJson(answer: RawAnswer): { value: unknown } | null {
	if (answer.json === undefined) {
		try {
			answer.json = { value: JSON.parse(answer.text) };
		} catch {
			answer.json = null;
		}
	}
	return answer.json;
}

type Sender = () => Promise<{ body: unknown; headers: IDataObject; statusCode: number }>;

/**
 * Sends once, then again with exponential backoff and jitter while the failure is transient and a
 * repeat is harmless: a network error, a 5xx, or an incomplete answer (see `isIncomplete`, with the
 * text a postback expects). A 429 means the request was not processed, so it is retried even when
 * not idempotent, after Keitaro's Retry-After.
 */
async function sendWithRetries(
	this: KeitaroContext,
	send: Sender,
	options: {
		idempotent: boolean;
		timeoutMs: number;
		connection: KeitaroConnection;
		request: RequestSummary;
		/** the postback's expected answer text; none for the Admin API's JSON */
		expected?: string;
	},
): Promise<RawAnswer> {
	for (let attempt = 0; ; attempt++) {
		let answer: RawAnswer | undefined;
		let code = '';
		const startedAt = Date.now();
		try {
			const response = await send();
			const headers = response.headers ?? {};
			answer = {
				status: response.statusCode,
				headers,
				contentType: String(headers['content-type'] ?? ''),
				// Keitaro's answers can carry the postback key (received-postback logs, affiliate
				// network postback URLs): scrub before anything reads them.
				text: redact(
					typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? ''),
					options.connection.secrets,
				),
			};
		} catch (error) {
			code = networkCode(error);
		}
		answerObservers
			.get(this)
			?.observe({ startedAt, ms: Date.now() - startedAt, status: answer?.status });
		const transient = answer
			? answer.status === 429 ||
				(options.idempotent &&
					(RETRY_STATUSES.has(answer.status) || isIncomplete(answer, options.expected)))
			: options.idempotent && RETRY_CODES.has(code);
		if (!transient || attempt >= MAX_RETRIES) {
			if (answer) return answer;
			throw connectionError(
				this.getNode(),
				code,
				options.connection.host,
				options.timeoutMs,
				options.request,
			);
		}
		await sleep((answer && retryAfterMs(answer.headers)) ?? backoffMs(attempt));
	}
}

function isJsonAnswer(answer: RawAnswer): { ok: true; data: unknown } | { ok: false } {
	if (answer.status < 200 || answer.status >= 300 || looksLikeHtml(answer)) return { ok: false };
	if (answer.text.trim() === '') return { ok: true, data: {} };
	const json = parseJson(answer);
	return json ? { ok: true, data: json.value } : { ok: false };
}

/** One call to the Keitaro Admin API. Any answer that is not 2xx JSON becomes a NodeApiError. */
export async function keitaroApiRequest<T = unknown>(
	this: KeitaroContext,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const connection = await getConnection.call(this);
	const timeoutMs = timeoutFor(this);
	const idempotent = request.idempotent ?? request.method !== 'POST';
	const url = `${connection.adminApiUrl}${request.path}`;
	const headers: IDataObject = { Accept: 'application/json', 'User-Agent': USER_AGENT };
	if (request.body !== undefined) headers['Content-Type'] = 'application/json';
	const summary = summarize(connection, request.method, withQuery(url, request.qs), {
		...headers,
		[connection.authHeader]: connection.authHeader === 'Authorization' ? 'Bearer ***' : '***',
	});
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		body: request.body,
		headers,
		encoding: 'text',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
		skipSslCertificateValidation: connection.ignoreSslIssues,
	};
	const answer = await sendWithRetries.call(
		this,
		async () =>
			await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL, { ...options }),
		{ idempotent, timeoutMs, connection, request: summary },
	);
	const parsed = isJsonAnswer(answer);
	if (!parsed.ok) throw adminApiAnswerError(this.getNode(), answer, summary);
	return { data: parsed.data as T, request: summary };
}

/**
 * Every row of a paged Admin API list, or the first `limit` rows.
 * Report-style endpoints (POST …/log, /report/build) page with `offset`/`limit` in the body and
 * answer `{rows, total}`; entity lists (GET /campaigns) page with query parameters and answer an
 * array, so a short page ends them.
 */
/** One page of a paged answer: its rows, where it starts, and the request that read it. */
export interface ApiPage extends ApiResponse<IDataObject[]> {
	offset: number;
}

/**
 * Reads a paged Admin API answer page by page (offset/limit in the query for GET, in the body for
 * POST), up to `limit` rows, or all of them. A caller that handles each page as it comes (files
 * per page) holds one page in memory, not the whole result.
 */
export async function* keitaroApiPages(
	this: KeitaroContext,
	request: ApiRequest,
	limit?: number,
	pageSize = DEFAULT_PAGE_SIZE,
): AsyncGenerator<ApiPage> {
	let read = 0;
	for (let offset = 0; ; offset += pageSize) {
		const size = limit === undefined ? pageSize : Math.min(pageSize, limit - read);
		const paged: ApiRequest =
			request.method === 'GET'
				? { ...request, qs: { ...request.qs, offset, limit: size } }
				: { ...request, body: { ...(request.body as IDataObject), offset, limit: size } };
		const page = await keitaroApiRequest.call(this, paged);
		const data = page.data as
			| { rows?: IDataObject[]; total?: number; meta?: IDataObject }
			| IDataObject[];
		const rows = Array.isArray(data) ? data : (data.rows ?? []);
		read += rows.length;
		const total = Array.isArray(data) ? undefined : Number(data.total);
		// a page longer than asked for means the endpoint ignores paging (older builds answer the
		// whole GET /campaigns list): asking for the next page would repeat it forever
		const done =
			rows.length !== size ||
			(total !== undefined && Number.isFinite(total) && offset + rows.length >= total) ||
			(limit !== undefined && read >= limit);
		yield {
			data: limit !== undefined && read > limit ? rows.slice(0, size) : rows,
			request: page.request,
			meta: Array.isArray(data) ? undefined : data.meta,
			offset,
		};
		if (done) return;
	}
}

/** Every row of a paged answer (up to `limit`) in one list: see keitaroApiPages. */
export async function keitaroApiRequestAllItems(
	this: KeitaroContext,
	request: ApiRequest,
	limit?: number,
	pageSize = DEFAULT_PAGE_SIZE,
): Promise<ApiResponse<IDataObject[]>> {
	const rows: IDataObject[] = [];
	let first: ApiPage | undefined;
	for await (const page of keitaroApiPages.call(this, request, limit, pageSize)) {
		first ??= page;
		// one by one: spreading a page of many thousand rows into push() can overflow the stack
		for (const row of page.data) rows.push(row);
	}
	return { data: rows, request: first!.request, meta: first!.meta };
}

export interface PostbackResult {
	/** Keitaro's answer text (`Success` unless the `return` parameter asked for another). */
	answer: string;
	request: RequestSummary;
}

/** The connection, if the credential can send postbacks; a clear error before any request if not. */
export async function requirePostbackKey(this: KeitaroContext): Promise<KeitaroConnection> {
	const connection = await getConnection.call(this);
	if (!connection.postbackKey) {
		throw new NodeOperationError(this.getNode(), 'The Keitaro credential has no Postback Key', {
			description:
				'Conversions are created and changed through Keitaro’s postback URL. Copy the key from Keitaro → Settings → Postback URL (the part between the domain and /postback) into the credential’s Postback Key field.',
		});
	}
	return connection;
}

/**
 * One S2S postback: `GET <tracker>/<postback key>/postback?subid=…&status=…`. It is not part of the
 * Admin API and needs no API key. Keitaro queues it: the answer means "accepted", not "stored".
 */
export async function sendPostback(
	this: KeitaroContext,
	params: IDataObject,
	options: { idempotent?: boolean } = {},
): Promise<PostbackResult> {
	const connection = await requirePostbackKey.call(this);
	const timeoutMs = timeoutFor(this);
	const url = `${connection.trackerUrl}/${encodeURIComponent(connection.postbackKey)}/postback`;
	const headers: IDataObject = { 'User-Agent': USER_AGENT };
	const summary = summarize(connection, 'GET', withQuery(url, params), headers);
	// Same subid and tid update one conversion in place, so a repeat is harmless. Without a tid the
	// caller must know (e.g. the conversion exists); a create without one is never sent twice.
	const idempotent = options.idempotent ?? Boolean(params.tid);
	const expected = typeof params.return === 'string' && params.return ? params.return : 'Success';
	const answer = await sendWithRetries.call(
		this,
		async () =>
			await this.helpers.httpRequest({
				method: 'GET',
				url,
				qs: params,
				headers,
				encoding: 'text',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: timeoutMs,
				skipSslCertificateValidation: connection.ignoreSslIssues,
			}),
		{ idempotent, timeoutMs, connection, request: summary, expected },
	);
	// already scrubbed of the secrets in sendWithRetries
	const text = answer.text.trim();
	if (answer.status >= 200 && answer.status < 300 && text === expected) {
		return { answer: text, request: summary };
	}
	throw postbackAnswerError(this.getNode(), { ...answer, text }, summary, expected);
}
