import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { conversionDataFields } from '../../descriptions/conversionData';
import {
	allowUndocumentedTransitionsOption,
	optionsCollection,
	postbackOptions,
} from '../../descriptions/options';
import type { ConversionData } from '../../helpers/conversionData';
import { parseConversionId } from '../../helpers/conversionData';
import { readConversionData } from '../../helpers/conversionInput';
import {
	DOCUMENTED_TRANSITIONS_TEXT,
	findConversions,
	isDocumentedTransition,
	money,
	sameMoney,
} from '../../helpers/conversions';
import { InputError, invalidInput, operationError } from '../../helpers/errors';
import { readItems } from '../../helpers/batch';
import { itemParameter } from '../../helpers/parameters';
import { readOfferPayouts, viewClicks } from '../../helpers/lookups';
import type { PostbackJob } from '../../helpers/postbacks';
import { applyPostbacks } from '../../helpers/postbacks';
import { requirePostbackKey } from '../../transport';
import type { BatchOutcome, Endpoint } from '../node.type';
import { POSTBACK } from '../node.type';
import { batchSettings, notConfirmedError } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Find Conversion By',
		name: 'conversionIdType',
		type: 'options',
		default: 'conversionId',
		options: [
			{
				name: 'Conversion ID',
				value: 'conversionId',
				description: 'Keitaro’s number of the conversion (column conversion_id)',
			},
			{
				name: 'Transaction ID (Tid)',
				value: 'tid',
				description: 'The tid the affiliate network sent with the conversion',
			},
		],
	},
	{
		displayName: 'Conversion ID',
		name: 'conversionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1024',
		description:
			'The conversion to change: its Keitaro conversion ID or its transaction ID, as chosen above',
	},
	...conversionDataFields('update'),
	optionsCollection(allowUndocumentedTransitionsOption, ...postbackOptions),
];

export const endpoints: Endpoint[] = [
	POSTBACK,
	{ method: 'POST', path: '/conversions/log' },
	{ method: 'GET', path: '/offers' },
	{ method: 'GET', path: '/logs/{type}' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversion'], operation: ['update'] } },
	properties,
);

interface UpdateItem {
	idType: 'conversionId' | 'tid';
	id: string;
	change: ConversionData;
	allowUndocumentedTransitions: boolean;
}

function tidFrom(raw: unknown): string {
	const tid = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (!tid)
		throw new InputError(
			'Conversion ID is empty',
			'Enter the transaction ID (tid) of the conversion to change.',
		);
	return tid;
}

function readItem(this: IExecuteFunctions, i: number): UpdateItem {
	const node = this.getNode();
	const idType = itemParameter.call(this, 'conversionIdType', i) as UpdateItem['idType'];
	const raw = itemParameter.call(this, 'conversionId', i);
	let id: string;
	try {
		id =
			idType === 'tid'
				? tidFrom(raw)
				: parseConversionId(
						raw,
						'To use the network’s transaction ID, set "Find Conversion By" to Transaction ID.',
					);
	} catch (error) {
		throw invalidInput(node, i, error as Error);
	}
	const options = itemParameter.call(this, 'options', i, {}) as IDataObject;
	return {
		idType,
		id,
		change: readConversionData.call(this, i, 'update'),
		allowUndocumentedTransitions: options.allowUndocumentedTransitions === true,
	};
}

/**
 * Changes conversions the only way Keitaro allows: a postback with the conversion's subid and tid,
 * which Keitaro applies to that conversion in place. All items are checked first (their clicks'
 * conversions read in batches), then the postbacks go out a few at a time, then (by default) the
 * conversions log is read back until each change shows. Bad input stops the node before anything
 * is sent.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const node = this.getNode();
	const items = readItems(this, itemCount, (i) => readItem.call(this, i));
	if (items.stop) return items.refused.slice(0, 1);
	await requirePostbackKey.call(this);
	const settings = batchSettings.call(this);
	const views = await viewClicks.call(
		this,
		items.read.map((r) => r.value.change.click_id),
		{ checkClicks: false },
	);
	const offers = items.read.some((r) => r.value.change.revenue !== undefined)
		? await readOfferPayouts.call(this)
		: new Map();

	const outcomes: BatchOutcome[] = [...items.refused];
	const missing: Array<{ index: number; item: UpdateItem }> = [];
	const jobs: Array<{
		index: number;
		job: PostbackJob;
		before: IDataObject;
		warnings: string[];
		expected: { status: string; revenue: number };
	}> = [];
	for (const { index, value: item } of items.read) {
		const { change } = item;
		const view = views.get(change.click_id);
		const conversions = view?.conversions ?? [];
		const before = conversions.find((c) =>
			item.idType === 'conversionId'
				? String(c.conversion_id) === item.id
				: String(c.tid ?? '') === item.id,
		);
		if (!before) {
			missing.push({ index, item });
			continue;
		}
		const fromStatus = String(before.status);
		const toStatus = change.status ?? fromStatus;
		if (!isDocumentedTransition(fromStatus, toStatus) && !item.allowUndocumentedTransitions) {
			outcomes.push({
				items: [index],
				error: operationError(
					node,
					index,
					'UNDOCUMENTED_TRANSITION',
					`Keitaro does not document the change ${fromStatus} → ${toStatus}`,
					`Documented changes: ${DOCUMENTED_TRANSITIONS_TEXT}. Switch on "Allow Undocumented Transitions" to send it anyway.`,
				),
			});
			continue;
		}
		const revenueChanges =
			change.revenue !== undefined && !sameMoney(change.revenue, before.revenue);
		const beforeState = { status: fromStatus, revenue: money(before.revenue) };
		if (
			toStatus === fromStatus &&
			!revenueChanges &&
			change.currency === undefined &&
			!Object.keys(change.sub_ids).length
		) {
			outcomes.push({
				items: [index],
				result: {
					request: view?.request ?? null,
					data: {
						conversion_id: before.conversion_id,
						click_id: change.click_id,
						tid: before.tid,
						changed: false,
						confirmed: true,
						before: beforeState,
						after: beforeState,
						warnings: ['Nothing to change: the conversion already has this status and revenue.'],
						conversion: before,
					},
				},
			});
			continue;
		}
		const warnings: string[] = [];
		const offer = offers.get(Number(before.offer_id));
		const offerKeepsPayout = revenueChanges && offer !== undefined && !offer.payoutAuto;
		if (offerKeepsPayout) {
			warnings.push(
				`Keitaro keeps the offer’s payout (${offer.payoutValue}) instead of ${change.revenue}: offer ${String(before.offer_id)} "${offer.name}" does not take the payout from postbacks (payout_auto is off). Switch it on in the offer to let postbacks set revenue.`,
			);
		}
		const payout = change.revenue ?? money(before.revenue);
		// the revenue to wait for: none when Keitaro converts a currency or keeps the offer's payout
		const expectRevenue = change.revenue !== undefined && !change.currency && !offerKeepsPayout;
		jobs.push({
			index,
			before,
			warnings,
			expected: { status: toStatus, revenue: payout },
			job: {
				clickId: change.click_id,
				params: {
					subid: change.click_id,
					status: toStatus,
					payout,
					...(change.currency ? { currency: change.currency } : {}),
					...(before.tid ? { tid: before.tid } : {}),
					...change.sub_ids,
				},
				// the conversion exists, so Keitaro matches it by subid + tid and a repeat changes nothing more
				idempotent: true,
				shows: (rows) =>
					rows.find(
						(c) =>
							String(c.conversion_id) === String(before.conversion_id) &&
							c.status === toStatus &&
							(!expectRevenue || sameMoney(c.revenue, change.revenue)),
					),
			},
		});
	}
	outcomes.push(...(await notFound.call(this, missing)));

	const results = await applyPostbacks.call(
		this,
		jobs.map((j) => j.job),
		settings,
	);
	for (const [n, result] of results.entries()) {
		const { index, before, warnings, expected, job } = jobs[n];
		if (result.status === 'refused') {
			outcomes.push({ items: [index], error: result.error });
			continue;
		}
		if (result.status === 'unconfirmed') {
			outcomes.push({
				items: [index],
				error: await notConfirmedError.call(
					this,
					index,
					job.clickId,
					`Keitaro accepted the postback but conversion ${String(before.conversion_id)} did not change within ${settings.confirmTimeoutMs! / 1000} s`,
					result.request,
				),
			});
			continue;
		}
		const confirmed = result.status === 'confirmed';
		outcomes.push({
			items: [index],
			result: {
				request: result.request,
				data: {
					conversion_id: before.conversion_id,
					click_id: job.clickId,
					tid: before.tid,
					changed: true,
					confirmed,
					before: { status: String(before.status), revenue: money(before.revenue) },
					after: confirmed
						? {
								status: String(result.conversion.status),
								revenue: money(result.conversion.revenue),
							}
						: { status: expected.status, revenue: money(expected.revenue) },
					keitaro_answer: result.answer,
					warnings,
					...(confirmed ? { conversion: result.conversion } : {}),
				},
			},
		});
	}
	return outcomes.sort((a, b) => a.items[0] - b.items[0]);
}

/** Not on the named click: another click's conversion (CLICK_MISMATCH), or none at all (NOT_FOUND). */
async function notFound(
	this: IExecuteFunctions,
	missing: Array<{ index: number; item: UpdateItem }>,
): Promise<BatchOutcome[]> {
	if (!missing.length) return [];
	const byId = missing.filter((m) => m.item.idType === 'conversionId');
	const elsewhere = byId.length
		? (
				await findConversions.call(
					this,
					[{ name: 'conversion_id', operator: 'IN_LIST', expression: byId.map((m) => m.item.id) }],
					byId.length,
				)
			).data
		: [];
	return missing.map(({ index, item }) => {
		const other = elsewhere.find(
			(c) => item.idType === 'conversionId' && String(c.conversion_id) === item.id,
		);
		return {
			items: [index],
			error: other
				? operationError(
						this.getNode(),
						index,
						'CLICK_MISMATCH',
						`Conversion ${item.id} belongs to click ${String(other.sub_id)}, not to ${item.change.click_id}`,
						'Check click_id: it must be the subid of the click this conversion came from.',
					)
				: operationError(
						this.getNode(),
						index,
						'NOT_FOUND',
						item.idType === 'conversionId'
							? `Conversion ${item.id} not found in Keitaro`
							: `No conversion with tid "${item.id}" on click ${item.change.click_id}`,
						'Check the ID in Keitaro → Conversions. Keitaro cannot change a conversion it does not have; use Create for a missing one.',
					),
		};
	});
}
