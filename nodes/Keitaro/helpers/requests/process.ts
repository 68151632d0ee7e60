import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ConcurrencyLimit } from '../concurrency';
import { sameMoney } from '../conversions';
import type { ClickView } from '../lookups';
import type { PostbackJob } from '../postbacks';
import { applyPostbacks } from '../postbacks';
import type { Verdict } from './checks';
import { targetConversion } from './checks';
import type { ConversionRequest } from './record';
import { moved, parseSubIds, rejectedOrFailed } from './record';

function showsResult(request: ConversionRequest, conversion: IDataObject): boolean {
	return (
		conversion.status === request.target_status &&
		(request.revenue === null ||
			Boolean(request.currency) ||
			sameMoney(conversion.revenue, request.revenue))
	);
}

/** The postback that applies a request: its click and tid (the conversion's tid for a change). */
function jobFor(request: ConversionRequest, view: ClickView): PostbackJob {
	const existing = request.type === 'change' ? targetConversion(request, view) : undefined;
	const tid = existing ? String(existing.tid ?? '') : request.tid;
	const known = new Set(view.conversions.map((c) => String(c.conversion_id)));
	return {
		clickId: request.click_id,
		params: {
			subid: request.click_id,
			status: request.target_status,
			...(request.revenue !== null ? { payout: request.revenue } : {}),
			...(request.currency ? { currency: request.currency } : {}),
			...(tid ? { tid } : {}),
			...parseSubIds(request.sub_ids),
		},
		// a change addresses an existing conversion, so a repeat changes nothing more
		idempotent: request.type === 'change' || Boolean(tid),
		shows: (conversions) =>
			conversions.find((c) =>
				request.type === 'change'
					? Number(c.conversion_id) === Number(existing?.conversion_id) && showsResult(request, c)
					: String(c.tid ?? '') === request.tid &&
						!known.has(String(c.conversion_id)) &&
						showsResult(request, c),
			),
	};
}

/**
 * accepted → processed or failed, for a batch: requests that no longer pass the checks fail with
 * their reason; requests Keitaro already shows are processed without sending anything (processing
 * twice changes Keitaro once); the rest get their postback and count as processed only when the
 * conversions log shows the result.
 */
export async function processRequests(
	this: IExecuteFunctions,
	requests: ConversionRequest[],
	checked: Array<{ verdict: Verdict; view: ClickView }>,
	options: { concurrency: ConcurrencyLimit; confirmTimeoutMs: number },
): Promise<ConversionRequest[]> {
	const at = () => new Date().toISOString();
	const results: ConversionRequest[] = new Array(requests.length);
	const toSend: number[] = [];
	requests.forEach((request, n) => {
		const { verdict } = checked[n];
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
	const outcomes = await applyPostbacks.call(
		this,
		toSend.map((n) => jobFor(requests[n], checked[n].view)),
		options,
	);
	outcomes.forEach((outcome, k) => {
		const n = toSend[k];
		const request = requests[n];
		const attempt = { attempts: request.attempts + 1 };
		if (outcome.status === 'confirmed') {
			results[n] = moved(request, 'processed', {
				...attempt,
				conversion_id: Number(outcome.conversion.conversion_id),
				result_status: String(outcome.conversion.status),
				result_revenue: Number(outcome.conversion.revenue),
				processed_at: at(),
				keitaro_answer: outcome.answer,
				keitaro_request: outcome.request.url,
				reason_code: '',
				reason_message: '',
			});
		} else if (outcome.status === 'refused') {
			results[n] = rejectedOrFailed(request, 'failed', 'KEITARO_ERROR', outcome.error.message, {
				...attempt,
				keitaro_request: outcome.request?.url ?? '',
			});
		} else {
			results[n] = rejectedOrFailed(
				request,
				'failed',
				'NOT_CONFIRMED',
				`Keitaro accepted the postback but the change did not show within ${options.confirmTimeoutMs / 1000} s; Keitaro’s received-postbacks log says why (Log → Postbacks). Retry Failed checks again.`,
				{ ...attempt, keitaro_answer: outcome.answer, keitaro_request: outcome.request.url },
			);
		}
	});
	return results;
}
