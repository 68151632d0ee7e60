/**
 * Keitaro's inbound S2S postback (docs/keitaro.md §3.3): parameter aliases, status mapping, and the
 * update rules of ProcessPostback (same subid + tid → update in place keeping previous_status,
 * new tid → another conversion, upsell rules, payout only with the offer's payout_auto).
 */
import type { Conversion, ConversionStatus, SimulatorState } from './state';
import { keitaroDate, RATES_TO_USD, SUB_ID_COUNT } from './state';

const SUBID_ALIASES = [
	'subid',
	'sub_id',
	'trackID',
	'subaccount',
	'aff_sub',
	'clickid',
	'subId',
	'SubID',
	'trackingCodes',
];
const PAYOUT_ALIASES = [
	'payout',
	'revenue',
	'profit',
	'summ_approved',
	'payment',
	'amount',
	'order_sum',
	'order_amount',
	'affiliateCommission',
	'value',
];
const TID_ALIASES = ['tid', 'transaction_id', 'txid', 'trans_id', 'receipt'];
const TIME_ALIASES = ['conversion_time', 'action_time', 'postback_date', 'datetime', 'time'];

const DEFAULT_LISTS: Record<'sale' | 'rejected' | 'ignore', string[]> = {
	sale: [
		'approved',
		'1',
		'done',
		'confirm',
		'confirmed',
		'paid',
		'rebill',
		'sale',
		'signup',
		'payed',
		'awarded',
		'sell',
		'sms',
		'birj',
		'redeem',
		'cgbk',
		'insf',
		'test_sale',
	],
	rejected: [
		'failure',
		'reject',
		'cancelled',
		'refund',
		'cancel',
		'decline',
		'declined',
		'rejected',
		'invalid',
		'canceled',
		'trash',
	],
	ignore: [
		'unsubscribe',
		'subscribeoff',
		'off',
		'rfnd',
		'cancel-rebill',
		'test_rfnd',
		'cancel-test-rebill',
	],
};

function first(params: URLSearchParams, names: string[]): string | undefined {
	for (const name of names) {
		const value = params.get(name);
		if (value !== null && value !== '') return value;
	}
	return undefined;
}

function list(value: string | null): string[] | undefined {
	return value === null
		? undefined
		: value
				.split(',')
				.map((s) => s.trim().toLowerCase())
				.filter(Boolean);
}

/** Postback::_findStatus: no status → sale; listed values map; anything else stays lead. */
export function findStatus(params: URLSearchParams): ConversionStatus | 'ignore' {
	const raw = params.get('status');
	if (raw === null || raw === '') return 'sale';
	const value = raw.toLowerCase();
	const lead = list(params.get('lead_status'));
	const sale = list(params.get('sale_status')) ?? DEFAULT_LISTS.sale;
	const rejected = list(params.get('rejected_status')) ?? DEFAULT_LISTS.rejected;
	const ignore = list(params.get('ignore_status') ?? params.get('ignore')) ?? DEFAULT_LISTS.ignore;
	if (ignore.includes(value)) return 'ignore';
	if (lead?.includes(value)) return 'lead';
	if (value === 'rebill') return 'rebill';
	if (sale.includes(value)) return 'sale';
	if (rejected.includes(value)) return 'rejected';
	return 'lead';
}

export interface PostbackJob {
	jid: string;
	params: URLSearchParams;
	receivedAt: Date;
}

export function logPostback(state: SimulatorState, now: Date, jid: string, message: string): void {
	state.logs.postbacks.push({ datetime: keitaroDate(now), jid, message });
}

function toUsd(amount: number, currency: string | undefined): number | undefined {
	const rate = RATES_TO_USD[(currency ?? 'USD').toUpperCase()];
	return rate === undefined ? undefined : Math.round(amount * rate * 100) / 100;
}

export function indexConversion(state: SimulatorState, conversion: Conversion): void {
	state.conversions.push(conversion);
	const list = state.conversionsBySubId.get(conversion.sub_id) ?? [];
	list.push(conversion);
	state.conversionsBySubId.set(conversion.sub_id, list);
}

/** Applies one queued postback to the state, the way Keitaro's queue worker does. */
export function processPostback(state: SimulatorState, job: PostbackJob, now: Date): void {
	const { params, jid } = job;
	const log = (message: string) => logPostback(state, now, jid, message);
	const subid = first(params, SUBID_ALIASES)?.split(':')[0];
	if (!subid) return log('Incorrect subid. Postback ignored.');
	const click = state.clicksBySubId.get(subid);
	if (!click) return log(`SubID not found "${subid}"`);
	const status = findStatus(params);
	if (status === 'ignore')
		return log(`Status "${params.get('status')}" is ignored. Postback ignored.`);
	const offer = state.offers.find((o) => o.id === click.offer_id);
	const payoutRaw = first(params, PAYOUT_ALIASES);
	let payout: number | undefined;
	if (payoutRaw !== undefined) {
		const amount = Number(payoutRaw.replace(',', '.'));
		if (!Number.isFinite(amount)) return log(`Incorrect payout "${payoutRaw}". Postback ignored.`);
		payout = toUsd(amount, params.get('currency') ?? undefined);
		if (payout === undefined)
			return log(`Unknown currency "${params.get('currency')}". Postback ignored.`);
	}
	// Keitaro takes the payout from the postback only when the offer allows it (payout_auto)
	const offerPayout = offer
		? (toUsd(offer.payout_value, offer.payout_currency) ?? offer.payout_value)
		: 0;
	const revenueFor = (current: number | undefined) =>
		offer && !offer.payout_auto ? offerPayout : (payout ?? current ?? offerPayout);
	const tid = first(params, TID_ALIASES) ?? '';
	const existing = state.conversionsBySubId.get(subid) ?? [];
	const subIds: Record<string, string> = {};
	for (let n = 1; n <= SUB_ID_COUNT; n++) {
		const value = params.get(`sub_id_${n}`);
		if (value !== null) subIds[`sub_id_${n}`] = value;
	}
	Object.assign(click.sub_ids, subIds);
	const rawParams = Object.fromEntries(params.entries());
	const match = existing.find((c) => c.tid === tid);
	if (match) {
		const next: ConversionStatus =
			match.status === 'rebill' && status === 'sale' ? 'rebill' : status;
		const before = `${match.status} ${match.revenue}`;
		if (next !== match.status) match.previous_status = match.status;
		match.status = next;
		match.revenue = revenueFor(match.revenue);
		match.original_status = params.get('status') ?? '';
		match.params = rawParams;
		Object.assign(match.sub_ids, subIds);
		match.sale_datetime =
			next === 'sale' || next === 'rebill' ? match.sale_datetime || keitaroDate(now) : '';
		state.applied.push({
			jid,
			sub_id: subid,
			tid,
			conversion_id: match.conversion_id,
			effect: `${match.status} ${match.revenue}` === before ? 'unchanged' : 'changed',
		});
		return log(
			`Conversion #${match.conversion_id} updated: ${before} → ${match.status} ${match.revenue}`,
		);
	}
	let stored = status;
	if (existing.length) {
		const hasSale = existing.some((c) => c.status === 'sale' || c.status === 'rebill');
		if (hasSale && !offer?.payout_upsell)
			return log('Conversion is already exists. Postback ignored.');
		if (hasSale && status === 'sale') stored = 'rebill';
	}
	const timeRaw = first(params, TIME_ALIASES);
	const at =
		timeRaw && !Number.isNaN(Date.parse(timeRaw.replace(' ', 'T') + 'Z'))
			? new Date(Date.parse(timeRaw.replace(' ', 'T') + 'Z'))
			: now;
	const conversion: Conversion = {
		conversion_id: state.nextIds.conversion++,
		sub_id: subid,
		tid,
		status: stored,
		previous_status: '',
		original_status: params.get('status') ?? '',
		revenue: revenueFor(undefined),
		cost: 0,
		postback_datetime: keitaroDate(at),
		sale_datetime: stored === 'sale' || stored === 'rebill' ? keitaroDate(at) : '',
		params: rawParams,
		sub_ids: subIds,
	};
	indexConversion(state, conversion);
	state.applied.push({
		jid,
		sub_id: subid,
		tid,
		conversion_id: conversion.conversion_id,
		effect: 'created',
	});
	log(
		`Conversion #${conversion.conversion_id} created: ${conversion.status} ${conversion.revenue}`,
	);
}
