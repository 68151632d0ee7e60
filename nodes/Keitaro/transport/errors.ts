import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { RequestSummary } from './types';

export interface HttpAnswer {
	status: number;
	contentType: string;
	text: string;
}

const EXCERPT_LENGTH = 300;

function excerpt(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

export function looksLikeHtml(answer: HttpAnswer): boolean {
	return /html/i.test(answer.contentType) || /^\s*</.test(answer.text);
}

const isSuccess = (answer: HttpAnswer) => answer.status >= 200 && answer.status < 300;

/** A body that is a web page. Keitaro labels even its postback answers text/html: the body decides. */
const isWebPage = (text: string) => /^\s*</.test(text);

function isCutOffJson(text: string): boolean {
	if (!/^\s*[[{]/.test(text)) return false;
	try {
		JSON.parse(text);
		return false;
	} catch {
		return true;
	}
}

/**
 * A 2xx answer that is not all of Keitaro's own answer: a proxy's web page, or an answer cut off
 * mid-way (JSON that does not parse; for a postback, the start of the text Keitaro answers,
 * `expected`). Keitaro may or may not have acted on the request.
 */
export function isIncomplete(answer: HttpAnswer, expected?: string): boolean {
	if (!isSuccess(answer)) return false;
	if (isWebPage(answer.text)) return true;
	const text = answer.text.trim();
	return expected === undefined
		? isCutOffJson(text)
		: text !== expected && expected.startsWith(text);
}

/**
 * Whether a failed request may still have reached Keitaro and been applied: no complete answer came
 * back (a network error after connecting, a 5xx from Keitaro or its proxy, an incomplete answer).
 * Such a change is confirmed by reading Keitaro, never by sending it again unless that is harmless.
 */
export function mayHaveArrived(error: unknown): boolean {
	return (error as NodeApiError | undefined)?.context?.mayHaveArrived === true;
}

/**
 * Keitaro's error bodies come in several shapes: `{"error": "…"}`, a field map
 * `{"alias": ["Alias is required"]}`, plain text (`Traffic\Model\Campaign #7 not found`), or HTML.
 */
export function keitaroErrorDetail(answer: HttpAnswer): string {
	if (looksLikeHtml(answer)) return '';
	let parsed: unknown;
	try {
		parsed = JSON.parse(answer.text);
	} catch {
		return excerpt(answer.text);
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
		const body = parsed as Record<string, unknown>;
		if (typeof body.error === 'string') return excerpt(body.error);
		const fields = Object.entries(body)
			.filter(([key]) => key !== 'stacktrace')
			.map(([field, messages]) => {
				const list = Array.isArray(messages) ? messages.join(', ') : String(messages);
				return `${field}: ${list}`;
			});
		if (fields.length) return excerpt(fields.join('; '));
	}
	return excerpt(answer.text);
}

interface Explanation {
	message: string;
	description: string;
}

function explainStatus(status: number, detail: string): Explanation {
	const said = detail ? `: ${detail}` : '';
	switch (status) {
		case 400:
			return {
				message: `Keitaro rejected the request (400)${said}`,
				description:
					'Check the values of this operation; Keitaro names what it did not accept above.',
			};
		case 401:
			return {
				message: 'Keitaro rejected the API key (401)',
				description:
					'Check the API key in the Keitaro credential (Keitaro: Maintenance → Users → API keys). If the tracker sits behind a proxy that drops the Api-Key header, set "Send API Key As" to Authorization: Bearer.',
			};
		case 402:
			return /edition|business|licen[cs]e|available only/i.test(detail)
				? {
						message: 'This Keitaro licence does not include the Admin API (402)',
						description: `Keitaro says${said || ' nothing more'}. The Admin API needs a Business (or higher) edition.`,
					}
				: {
						message: `Keitaro refused the request (402)${said}`,
						description:
							'Older Keitaro versions answer every error with 402; the message is Keitaro’s own.',
					};
		case 403:
			return {
				message: `The API key’s user may not do this (403)${said}`,
				description:
					'Give that Keitaro user access to this object, or use the key of an admin user.',
			};
		case 404:
			return {
				message: `Not found in Keitaro (404)${said}`,
				description: 'Check the ID. Archived objects are not found by ID until they are restored.',
			};
		case 406:
		case 422:
			return {
				message: `Keitaro rejected the data (${status})${said}`,
				description: 'Fix the fields named in the message and run again.',
			};
		case 429:
			return {
				message: 'Keitaro is limiting the request rate (429)',
				description: 'The node waited and retried. Lower the Max Concurrency option or run later.',
			};
		default:
			return status >= 500
				? {
						message: `Keitaro failed to process the request (${status})${said}`,
						description:
							'The error happened inside the tracker or its proxy; Keitaro’s system log may say more.',
					}
				: {
						message: `Keitaro answered ${status}${said}`,
						description: 'Unexpected answer from the Admin API.',
					};
	}
}

function apiError(
	node: INode,
	explanation: Explanation,
	request: RequestSummary,
	{ httpCode, arrivedMaybe }: { httpCode?: number; arrivedMaybe: boolean },
): NodeApiError {
	// The error body passed here is built by us: never the HTTP client's error, which carries
	// the request headers (and so the API key).
	const error = new NodeApiError(node, { message: explanation.message } as JsonObject, {
		message: explanation.message,
		description: explanation.description,
		httpCode: httpCode === undefined ? undefined : String(httpCode),
	});
	error.context.request = request;
	error.context.mayHaveArrived = arrivedMaybe;
	return error;
}

/** A non-2xx answer, or a 2xx answer that is not the JSON the Admin API always sends. */
export function adminApiAnswerError(
	node: INode,
	answer: HttpAnswer,
	request: RequestSummary,
): NodeApiError {
	const httpCode = answer.status;
	const arrivedMaybe = answer.status >= 500 || isIncomplete(answer);
	if (!isSuccess(answer)) {
		return apiError(node, explainStatus(answer.status, keitaroErrorDetail(answer)), request, {
			httpCode,
			arrivedMaybe,
		});
	}
	let explanation: Explanation;
	if (looksLikeHtml(answer)) {
		explanation = {
			message: 'The tracker answered with a web page, not with Admin API data',
			description:
				'The Tracker URL in the Keitaro credential probably points to the wrong place. Use the tracker’s own address, e.g. https://tracker.example.com (no /admin).',
		};
	} else if (isCutOffJson(answer.text)) {
		explanation = {
			message: 'Keitaro’s answer was cut off (incomplete JSON)',
			description: 'The connection probably dropped while the answer was sent. Run the node again.',
		};
	} else {
		explanation = {
			message: `Keitaro answered with text instead of JSON: ${excerpt(answer.text)}`,
			description:
				'The Admin API always answers with JSON; check the Tracker URL in the credential.',
		};
	}
	return apiError(node, explanation, request, { httpCode, arrivedMaybe });
}

/** The postback URL answers plain text: `expected` (Keitaro's `Success`), or why it refused. */
export function postbackAnswerError(
	node: INode,
	answer: HttpAnswer,
	request: RequestSummary,
	expected: string,
): NodeApiError {
	const httpCode = answer.status;
	const arrivedMaybe = answer.status >= 500 || isIncomplete(answer, expected);
	let explanation: Explanation;
	if (/incorrect postback code/i.test(answer.text)) {
		explanation = {
			message: 'Keitaro does not accept the postback key',
			description:
				'Compare the Postback Key in the Keitaro credential with Keitaro → Settings → Postback URL (the part between the domain and /postback).',
		};
	} else if (!isSuccess(answer)) {
		explanation = explainStatus(answer.status, keitaroErrorDetail(answer));
	} else if (isWebPage(answer.text)) {
		explanation = {
			message: 'The tracker answered the postback with a web page instead of Keitaro’s answer',
			description:
				'A proxy or another site answered in Keitaro’s place. Check the Tracker URL in the credential; if it is right, run the node again later.',
		};
	} else if (arrivedMaybe) {
		explanation = {
			message: 'Keitaro’s answer to the postback was cut off',
			description:
				'The connection dropped while Keitaro answered, so Keitaro has probably received the postback. Check the conversion before you send it again.',
		};
	} else {
		explanation = {
			message: `Keitaro did not accept the postback: ${excerpt(answer.text) || '(empty answer)'}`,
			description: `Keitaro answers "${expected}" when it queues a postback; this answer says it did not.`,
		};
	}
	return apiError(node, explanation, request, { httpCode, arrivedMaybe });
}

const TLS_CODES = new Set([
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'SELF_SIGNED_CERT_IN_CHAIN',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Failures before a request leaves this machine: Keitaro cannot have received it. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', ...TLS_CODES]);

/** The connection failed before Keitaro answered. `code` is Node's error code (ECONNREFUSED, …). */
export function connectionError(
	node: INode,
	code: string,
	host: string,
	timeoutMs: number,
	request: RequestSummary,
): NodeApiError {
	// Node's error codes stay out of the message: n8n would swap such a message for a generic text.
	let explanation: Explanation;
	if (TLS_CODES.has(code)) {
		explanation = {
			message: `The TLS certificate of ${host} is not trusted`,
			description: `Node.js refused the certificate (${code}). If the tracker uses a self-signed certificate on purpose, switch on "Ignore SSL Issues" in the Keitaro credential.`,
		};
	} else if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
		explanation = {
			message: `The tracker at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s`,
			description: `Connection timed out (${code}). Raise the Timeout option, or check that the tracker is up.`,
		};
	} else if (code === 'ECONNREFUSED') {
		explanation = {
			message: `Nothing accepts connections at ${host}`,
			description: `Connection refused (${code}). Check the Tracker URL and port in the Keitaro credential.`,
		};
	} else if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		explanation = {
			message: `The host name ${host} could not be resolved`,
			description: `DNS lookup failed (${code}). Check the Tracker URL in the Keitaro credential.`,
		};
	} else {
		explanation = {
			message: `The connection to ${host} failed`,
			description: `Network error ${code || 'without a code'}. The node retried where that was safe; run it again.`,
		};
	}
	return apiError(node, explanation, request, { arrivedMaybe: !NOT_SENT_CODES.has(code) });
}
