import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { normaliseRow } from '../conversions';
import type { ApiResponse, KeitaroContext } from '../../transport';
import { keitaroApiRequest, keitaroApiRequestAllItems } from '../../transport';
import type { ClickView, Stage, Verdict } from './checks';
import { checkRequest } from './checks';
import type { ConversionRequest } from './record';
import { readCheckRules } from './rules';

/** Click IDs per look-up: one conversions-log request answers for this many requests. */
export const LOOKUP_BATCH_SIZE = 500;

const CONVERSION_COLUMNS = [
	'conversion_id',
	'sub_id',
	'tid',
	'status',
	'revenue',
	'postback_datetime',
	'offer_id',
];

function chunks<T>(list: T[], size: number): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
	return out;
}

/**
 * What Keitaro has for many clicks, in few requests: the conversions of up to LOOKUP_BATCH_SIZE
 * clicks per conversions-log request (sub_id IN_LIST), then the clicks that had none from the
 * clicks log the same way. Checking 10,000 requests costs about 20–40 requests, not 10,000.
 */
export async function viewClicks(
	this: KeitaroContext,
	clickIds: string[],
	{ checkClicks = true }: { checkClicks?: boolean } = {},
): Promise<Map<string, ClickView>> {
	const unique = [...new Set(clickIds)];
	const views = new Map<string, ClickView>();
	for (const chunk of chunks(unique, LOOKUP_BATCH_SIZE)) {
		const { data } = await keitaroApiRequestAllItems.call(this, {
			method: 'POST',
			path: '/conversions/log',
			idempotent: true,
			body: {
				range: { interval: 'all_time', timezone: 'UTC' },
				columns: CONVERSION_COLUMNS,
				filters: [{ name: 'sub_id', operator: 'IN_LIST', expression: chunk }],
				sort: [{ name: 'conversion_id', order: 'ASC' }],
			},
		});
		for (const row of data.map(normaliseRow)) {
			const subId = String(row.sub_id);
			const view = views.get(subId) ?? {
				clickExists: true,
				offerId: Number(row.offer_id ?? 0),
				conversions: [],
			};
			view.conversions.push(row);
			views.set(subId, view);
		}
	}
	const withoutConversions = checkClicks ? unique.filter((id) => !views.has(id)) : [];
	for (const chunk of chunks(withoutConversions, LOOKUP_BATCH_SIZE)) {
		const { data } = await keitaroApiRequestAllItems.call(this, {
			method: 'POST',
			path: '/clicks/log',
			idempotent: true,
			body: {
				range: { interval: 'all_time', timezone: 'UTC' },
				columns: ['sub_id', 'offer_id'],
				filters: [{ name: 'sub_id', operator: 'IN_LIST', expression: chunk }],
			},
		});
		for (const row of data as IDataObject[]) {
			views.set(String(row.sub_id), {
				clickExists: true,
				offerId: Number(row.offer_id ?? 0),
				conversions: [],
			});
		}
	}
	for (const id of unique)
		if (!views.has(id)) views.set(id, { clickExists: false, offerId: 0, conversions: [] });
	return views;
}

/** Which offers take the payout from postbacks: one GET /offers (Keitaro sends the whole list). */
export async function offerPayoutRule(
	this: KeitaroContext,
): Promise<(offerId: number) => boolean | undefined> {
	const { data } = (await keitaroApiRequest.call(this, {
		method: 'GET',
		path: '/offers',
	})) as ApiResponse<IDataObject[]>;
	const payoutAuto = new Map(
		data.map((offer) => [Number(offer.id), offer.payout_auto === true || offer.payout_auto === 1]),
	);
	return (offerId) => payoutAuto.get(offerId);
}

/**
 * The checks of many requests against Keitaro in one pass: their clicks looked up in batches, the
 * offers' payout rule read once (only when a request sets revenue).
 */
export async function checkAll(
	this: IExecuteFunctions,
	entries: Array<{ index: number; request: ConversionRequest }>,
	stage: Stage,
	now: Date,
): Promise<Verdict[]> {
	const views = await viewClicks.call(
		this,
		entries.map((e) => e.request.click_id),
	);
	const offerTakesPayout = entries.some((e) => e.request.revenue !== null)
		? await offerPayoutRule.call(this)
		: () => undefined;
	return entries.map(({ index, request }) =>
		checkRequest(
			request,
			views.get(request.click_id)!,
			readCheckRules.call(this, index, offerTakesPayout, now),
			stage,
		),
	);
}
