import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { forEachLimited } from '../concurrency';
import { sameMoney } from '../conversions';
import { sendPostback } from '../../transport';
import type { Verdict } from './checks';
import { targetConversion } from './checks';
import { viewClicks } from './lookup';
import type { ConversionRequest } from './record';
import { moved, parseSubIds, rejectedOrFailed } from './record';

interface Sent {
	request: ConversionRequest;
	answer: string;
	postbackUrl: string;
	/** conversions the click had before: a create must show a new one */
	known: Set<string>;
}

/** The postback that applies a request: its click and tid (the conversion's tid for a change). */
function postbackParams(request: ConversionRequest, tid: string): IDataObject {
	return {
		subid: request.click_id,
		status: request.target_status,
		...(request.revenue !== null ? { payout: request.revenue } : {}),
		...(request.currency ? { currency: request.currency } : {}),
		...(tid ? { tid } : {}),
		...parseSubIds(request.sub_ids),
	};
}

function applied(request: ConversionRequest, conversion: IDataObject): boolean {
	return (
		conversion.status === request.target_status &&
		(request.revenue === null ||
			Boolean(request.currency) ||
			sameMoney(conversion.revenue, request.revenue))
	);
}

/**
 * accepted → processed or failed, for a batch: requests that no longer pass the checks fail with
 * their reason; requests Keitaro already shows are processed without sending anything (processing
 * twice changes Keitaro once); the rest get their postback (`concurrency` at a time) and count as
 * processed only when the conversions log shows the result, read back in batches.
 */
export async function processRequests(
	this: IExecuteFunctions,
	requests: ConversionRequest[],
	verdicts: Verdict[],
	options: { concurrency: number; confirmTimeoutMs: number; now: Date },
): Promise<ConversionRequest[]> {
	const at = () => new Date().toISOString();
	const results: ConversionRequest[] = new Array(requests.length);
	const toSend: number[] = [];
	requests.forEach((request, n) => {
		const verdict = verdicts[n];
		const attempt = { attempts: request.attempts + 1 };
		if (!verdict.ok) {
			results[n] = rejectedOrFailed(
				request,
				'failed',
				verdict.code,
				`Checked before processing: ${verdict.message}`,
				attempt,
			);
		} else if (verdict.alreadyApplied && verdict.conversion) {
			results[n] = moved(request, 'processed', {
				...attempt,
				conversion_id: Number(verdict.conversion.conversion_id),
				result_status: String(verdict.conversion.status),
				result_revenue: Number(verdict.conversion.revenue),
				processed_at: at(),
				keitaro_answer: 'Keitaro already shows this change; nothing was sent',
				reason_code: '',
				reason_message: '',
			});
		} else {
			toSend.push(n);
		}
	});

	const sent = new Map<number, Sent>();
	const before = await viewClicks.call(
		this,
		toSend.map((n) => requests[n].click_id),
		{ checkClicks: false },
	);
	await forEachLimited(toSend.length, options.concurrency, async (k) => {
		const n = toSend[k];
		const request = requests[n];
		const view = before.get(request.click_id);
		const conversion = view ? targetConversion(request, view) : undefined;
		const tid = request.type === 'change' ? String(conversion?.tid ?? request.tid) : request.tid;
		try {
			// a change addresses an existing conversion, so a repeat changes nothing more
			const postback = await sendPostback.call(this, postbackParams(request, tid), {
				idempotent: request.type === 'change' || Boolean(tid),
			});
			sent.set(n, {
				request,
				answer: postback.answer,
				postbackUrl: postback.request.url,
				known: new Set((view?.conversions ?? []).map((c) => String(c.conversion_id))),
			});
		} catch (error) {
			// the transport's errors carry the (masked) request they were about
			const sentRequest = (error as { context?: IDataObject }).context?.request as
				| IDataObject
				| undefined;
			results[n] = rejectedOrFailed(request, 'failed', 'KEITARO_ERROR', (error as Error).message, {
				attempts: request.attempts + 1,
				keitaro_request: String(sentRequest?.url ?? ''),
			});
		}
	});

	// read the results back until every sent request shows, or the time is up
	const deadline = Date.now() + options.confirmTimeoutMs;
	let pending = [...sent.keys()];
	for (let delay = 200; pending.length; delay = Math.min(delay * 2, 2000)) {
		const views = await viewClicks.call(
			this,
			pending.map((n) => requests[n].click_id),
			{ checkClicks: false },
		);
		pending = pending.filter((n) => {
			const { request, answer, postbackUrl, known } = sent.get(n)!;
			const view = views.get(request.click_id);
			const conversion =
				request.type === 'change'
					? view && targetConversion(request, view)
					: view?.conversions.find(
							(c) => String(c.tid ?? '') === request.tid && !known.has(String(c.conversion_id)),
						);
			if (!conversion || !applied(request, conversion)) return true;
			results[n] = moved(request, 'processed', {
				attempts: request.attempts + 1,
				conversion_id: Number(conversion.conversion_id),
				result_status: String(conversion.status),
				result_revenue: Number(conversion.revenue),
				processed_at: at(),
				keitaro_answer: answer,
				keitaro_request: postbackUrl,
				reason_code: '',
				reason_message: '',
			});
			return false;
		});
		const left = deadline - Date.now();
		if (!pending.length || left <= 0) break;
		await sleep(Math.min(delay, left));
	}
	for (const n of pending) {
		const { request, answer, postbackUrl } = sent.get(n)!;
		results[n] = rejectedOrFailed(
			request,
			'failed',
			'NOT_CONFIRMED',
			`Keitaro accepted the postback but the change did not show within ${options.confirmTimeoutMs / 1000} s; Keitaro’s received-postbacks log says why (Log → Postbacks). Retry Failed checks again.`,
			{ attempts: request.attempts + 1, keitaro_answer: answer, keitaro_request: postbackUrl },
		);
	}
	return results;
}
