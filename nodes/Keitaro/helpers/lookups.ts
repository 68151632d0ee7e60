import type { IDataObject } from 'n8n-workflow';

import type { ApiResponse, KeitaroContext, RequestSummary } from '../transport';
import { keitaroApiRequest, keitaroApiRequestAllItems } from '../transport';
import { CONVERSION_LOOKUP_COLUMNS, conversionRow } from './conversions';

/** What Keitaro has for one click: whether the click exists, its offer, and its conversions. */
export interface ClickView {
	clickExists: boolean;
	/** the click's offer: it decides whether Keitaro takes the payout from a postback */
	offerId: number;
	conversions: IDataObject[];
	/** the conversions-log request that read this click (masked) */
	request: RequestSummary | null;
}

/** Click IDs per look-up: one conversions-log request answers for this many items. */
export const LOOKUP_BATCH_SIZE = 500;

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
		const { data, request } = await keitaroApiRequestAllItems.call(this, {
			method: 'POST',
			path: '/conversions/log',
			idempotent: true,
			body: {
				range: { interval: 'all_time', timezone: 'UTC' },
				columns: CONVERSION_LOOKUP_COLUMNS,
				filters: [{ name: 'sub_id', operator: 'IN_LIST', expression: chunk }],
				sort: [{ name: 'conversion_id', order: 'ASC' }],
			},
		});
		for (const row of data.map(conversionRow)) {
			const subId = String(row.sub_id);
			const view = views.get(subId) ?? {
				clickExists: true,
				offerId: Number(row.offer_id ?? 0),
				conversions: [],
				request,
			};
			view.conversions.push(row);
			views.set(subId, view);
		}
	}
	const withoutConversions = checkClicks ? unique.filter((id) => !views.has(id)) : [];
	for (const chunk of chunks(withoutConversions, LOOKUP_BATCH_SIZE)) {
		const { data, request } = await keitaroApiRequestAllItems.call(this, {
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
				request,
			});
		}
	}
	for (const id of unique)
		if (!views.has(id))
			views.set(id, { clickExists: false, offerId: 0, conversions: [], request: null });
	return views;
}

export interface OfferPayout {
	name: string;
	/** whether Keitaro takes the payout from postbacks (payout_auto) */
	payoutAuto: boolean;
	payoutValue: number;
}

/** Every offer's payout rule: one GET /offers (Keitaro sends the whole list). */
export async function readOfferPayouts(this: KeitaroContext): Promise<Map<number, OfferPayout>> {
	const { data } = (await keitaroApiRequest.call(this, {
		method: 'GET',
		path: '/offers',
	})) as ApiResponse<IDataObject[]>;
	return new Map(
		data.map((offer) => [
			Number(offer.id),
			{
				name: String(offer.name ?? ''),
				payoutAuto:
					offer.payout_auto === true || offer.payout_auto === 1 || offer.payout_auto === '1',
				payoutValue: Number(offer.payout_value ?? 0),
			},
		]),
	);
}
