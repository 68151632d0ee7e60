import type { IExecuteFunctions } from 'n8n-workflow';

import type { ClickView } from '../lookups';
import { readOfferPayouts, viewClicks } from '../lookups';
import type { Stage, Verdict } from './checks';
import { checkRequest } from './checks';
import type { ConversionRequest } from './record';
import { readCheckRules } from './rules';

/**
 * The checks of many requests against Keitaro in one pass: their clicks looked up in batches, the
 * offers' payout rule read once (only when a request sets revenue).
 */
export async function checkAll(
	this: IExecuteFunctions,
	entries: Array<{ index: number; request: ConversionRequest }>,
	stage: Stage,
	now: Date,
): Promise<Array<{ verdict: Verdict; view: ClickView }>> {
	const views = await viewClicks.call(
		this,
		entries.map((e) => e.request.click_id),
	);
	const offers = entries.some((e) => e.request.revenue !== null)
		? await readOfferPayouts.call(this)
		: new Map();
	const offerTakesPayout = (offerId: number) => offers.get(offerId)?.payoutAuto;
	return entries.map(({ index, request }) => {
		const view = views.get(request.click_id)!;
		const rules = readCheckRules.call(this, index, offerTakesPayout, now);
		return { verdict: checkRequest(request, view, rules, stage), view };
	});
}
