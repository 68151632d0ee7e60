import type { IDataObject } from 'n8n-workflow';

import { DOCUMENTED_TRANSITIONS_TEXT, isDocumentedTransition, sameMoney } from '../conversions';
import type { ClickView } from '../lookups';
import type { ConversionRequest, ReasonCode } from './record';

export interface CheckRules {
	allowUndocumentedTransitions: boolean;
	/** conversions from before this moment (Keitaro datetime, UTC) are final: ALREADY_FINAL */
	lockedBefore?: string;
	/** whether an offer takes the payout from postbacks (undefined: unknown offer) */
	offerTakesPayout(offerId: number): boolean | undefined;
}

export type Stage = 'raise' | 'accept' | 'process';

export type Verdict =
	| { ok: true; conversion?: IDataObject; alreadyApplied?: boolean }
	| { ok: false; code: ReasonCode; message: string };

const refuse = (code: ReasonCode, message: string): Verdict => ({ ok: false, code, message });

/** The conversion a request is about: by conversion ID when known, else by click and tid. */
export function targetConversion(
	request: ConversionRequest,
	view: ClickView,
): IDataObject | undefined {
	if (request.conversion_id)
		return view.conversions.find((c) => Number(c.conversion_id) === request.conversion_id);
	return view.conversions.find((c) => String(c.tid ?? '') === request.tid);
}

function showsTarget(request: ConversionRequest, conversion: IDataObject): boolean {
	return (
		conversion.status === request.target_status &&
		(request.revenue === null || sameMoney(conversion.revenue, request.revenue))
	);
}

/**
 * The checks of a request against Keitaro, run at Raise, again at Accept and just before Process
 * (conversion-requests research §7.5). At Process, a request whose result already shows in Keitaro
 * counts as applied: processing twice changes Keitaro once.
 */
export function checkRequest(
	request: ConversionRequest,
	view: ClickView,
	rules: CheckRules,
	stage: Stage,
): Verdict {
	if (!view.clickExists) {
		return refuse(
			'NO_CLICK',
			`Keitaro has no click ${request.click_id}; a conversion needs the click it came from.`,
		);
	}
	const conversion = targetConversion(request, view);
	if (request.type === 'create') {
		if (conversion) {
			if (stage === 'process' && showsTarget(request, conversion))
				return { ok: true, conversion, alreadyApplied: true };
			return refuse(
				'ALREADY_EXISTS',
				`Click ${request.click_id} already has conversion ${String(conversion.conversion_id)}${request.tid ? ` with tid "${request.tid}"` : ' without a tid'} (${String(conversion.status)}); raise a change request instead.`,
			);
		}
		if (!request.tid && view.conversions.length) {
			return refuse(
				'ALREADY_EXISTS',
				`Click ${request.click_id} already has ${view.conversions.length} conversion(s); give the new one its own tid so Keitaro does not change an existing one.`,
			);
		}
		if (request.revenue !== null && rules.offerTakesPayout(view.offerId) === false) {
			return refuse(
				'PAYOUT_NOT_ACCEPTED',
				`Offer ${view.offerId} does not take the payout from postbacks, so Keitaro would not use the revenue ${request.revenue}.`,
			);
		}
		return { ok: true };
	}
	if (!conversion) {
		return refuse(
			'NOT_FOUND',
			request.conversion_id
				? `Keitaro has no conversion ${request.conversion_id} on click ${request.click_id}.`
				: `Click ${request.click_id} has no conversion with tid "${request.tid}".`,
		);
	}
	if (rules.lockedBefore && String(conversion.postback_datetime) < rules.lockedBefore) {
		return refuse(
			'ALREADY_FINAL',
			`Conversion ${String(conversion.conversion_id)} is from ${String(conversion.postback_datetime)}, before the lock (${rules.lockedBefore}); it counts as paid and final.`,
		);
	}
	if (
		stage === 'process' &&
		showsTarget(request, conversion) &&
		(conversion.status !== request.snapshot_status ||
			!sameMoney(conversion.revenue, request.snapshot_revenue))
	) {
		return { ok: true, conversion, alreadyApplied: true };
	}
	if (
		stage !== 'raise' &&
		request.snapshot_status &&
		(conversion.status !== request.snapshot_status ||
			!sameMoney(conversion.revenue, request.snapshot_revenue))
	) {
		return refuse(
			'STALE',
			`Conversion ${String(conversion.conversion_id)} changed since the request was raised: it was ${request.snapshot_status} ${request.snapshot_revenue}, it is ${String(conversion.status)} ${Number(conversion.revenue)}. Raise a new request.`,
		);
	}
	const from = String(conversion.status);
	if (!isDocumentedTransition(from, request.target_status) && !rules.allowUndocumentedTransitions) {
		return refuse(
			'UNSUPPORTED_TRANSITION',
			`Keitaro does not document the change ${from} → ${request.target_status} (documented: ${DOCUMENTED_TRANSITIONS_TEXT}).`,
		);
	}
	const revenueChanges =
		request.revenue !== null && !sameMoney(conversion.revenue, request.revenue);
	if (from === request.target_status && !revenueChanges && !request.sub_ids && !request.currency) {
		return refuse(
			'NO_CHANGE',
			`Conversion ${String(conversion.conversion_id)} is already ${from} with revenue ${Number(conversion.revenue)}; the request changes nothing.`,
		);
	}
	if (revenueChanges && rules.offerTakesPayout(view.offerId) === false) {
		return refuse(
			'PAYOUT_NOT_ACCEPTED',
			`Offer ${view.offerId} does not take the payout from postbacks, so Keitaro would keep its own payout instead of ${request.revenue}.`,
		);
	}
	return { ok: true, conversion };
}
