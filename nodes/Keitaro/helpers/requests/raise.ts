import type { IDataObject } from 'n8n-workflow';

import type { KeitaroContext } from '../../transport';
import type { CheckRules } from './checks';
import { checkRequest, targetConversion } from './checks';
import type { RequestDraft } from './draft';
import { readOfferPayouts, viewClicks } from '../lookups';
import type { ConversionRequest } from './record';
import { parseRequest, rejectedOrFailed, requestIdentity, subIdsText } from './record';

const OPEN: string[] = ['inquired', 'accepted'];

/** What one conversion is, for "one open request per conversion" (DUPLICATE_REQUEST). */
function conversionKey(request: ConversionRequest): string {
	return request.conversion_id
		? `conversion:${request.conversion_id}`
		: `click:${request.click_id}|tid:${request.tid}`;
}

function blankRecord(
	draft: RequestDraft,
	type: 'create' | 'change',
	now: string,
): ConversionRequest {
	const content = {
		type,
		click_id: draft.click_id,
		tid: draft.tid,
		target_status: draft.target_status,
		revenue: draft.revenue,
		currency: draft.currency,
		sub_ids: subIdsText(draft.sub_ids),
	};
	return {
		...requestIdentity(content, draft.idempotency_key || undefined),
		...content,
		request_status: 'inquired',
		version: 1,
		conversion_id: draft.conversion_id,
		snapshot_status: '',
		snapshot_revenue: null,
		snapshot_at: '',
		reason: draft.reason,
		requested_by: draft.requested_by,
		requested_at: now,
		decided_by: '',
		decided_at: '',
		reason_code: '',
		reason_message: '',
		processed_at: '',
		attempts: 0,
		result_status: '',
		result_revenue: null,
		keitaro_answer: '',
		keitaro_request: '',
		last_transition: '→ inquired',
	};
}

/**
 * Turns drafts into request records: looks up every click in a few batched requests, decides
 * create or change, takes the snapshot of the conversion, and runs the checks. A draft that fails
 * a check becomes a rejected record with its reason; a draft for a conversion that already has an
 * open request (in `openRequests` or earlier in this batch) is rejected as DUPLICATE_REQUEST; one
 * identical to a stored request comes out as that stored request, unchanged.
 */
export async function raiseRequests(
	this: KeitaroContext,
	drafts: RequestDraft[],
	rulesFor: (index: number, offerTakesPayout: CheckRules['offerTakesPayout']) => CheckRules,
	openRequests: IDataObject[],
	now: Date,
): Promise<ConversionRequest[]> {
	const views = await viewClicks.call(
		this,
		drafts.map((d) => d.click_id),
	);
	const offers = drafts.some((d) => d.revenue !== null)
		? await readOfferPayouts.call(this)
		: new Map();
	const offerTakesPayout = (offerId: number) => offers.get(offerId)?.payoutAuto;
	const stored = new Map<string, ConversionRequest>();
	const openByConversion = new Map<string, string>();
	for (const raw of openRequests) {
		const request = parseRequest(raw);
		stored.set(request.request_id, request);
		if (OPEN.includes(request.request_status))
			openByConversion.set(conversionKey(request), request.request_id);
	}
	const at = now.toISOString();
	return drafts.map((draft, index) => {
		const view = views.get(draft.click_id)!;
		const existing = targetConversion(
			{ conversion_id: draft.conversion_id, tid: draft.tid } as ConversionRequest,
			view,
		);
		const type = draft.type === 'auto' ? (existing ? 'change' : 'create') : draft.type;
		let request = blankRecord(draft, type, at);
		const earlier = stored.get(request.request_id);
		if (earlier) return earlier;
		if (type === 'change' && existing) {
			request = {
				...request,
				conversion_id: Number(existing.conversion_id),
				snapshot_status: String(existing.status),
				snapshot_revenue: Number(existing.revenue),
				snapshot_at: at,
			};
		}
		const verdict = checkRequest(request, view, rulesFor(index, offerTakesPayout), 'raise');
		const decided = { decided_by: 'checks', decided_at: at };
		if (!verdict.ok)
			return rejectedOrFailed(request, 'rejected', verdict.code, verdict.message, decided);
		const key = conversionKey(request);
		const open = openByConversion.get(key);
		if (open && open !== request.request_id) {
			return rejectedOrFailed(
				request,
				'rejected',
				'DUPLICATE_REQUEST',
				`Request ${open} for the same conversion is still open; decide it first.`,
				decided,
			);
		}
		openByConversion.set(key, request.request_id);
		stored.set(request.request_id, request);
		return request;
	});
}
