import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { conversionDataFields } from '../../descriptions/conversionData';
import {
	allowUndocumentedTransitionsOption,
	concurrencyOption,
	confirmOption,
	confirmTimeoutOption,
	dataOnlyOption,
	timeoutOption,
} from '../../descriptions/options';
import { readConversionData } from '../../helpers/conversionInput';
import {
	DOCUMENTED_TRANSITIONS_TEXT,
	equals,
	findConversions,
	isDocumentedTransition,
	offerTakesPostbackPayout,
	postbackLogFor,
	sameMoney,
	waitForConversion,
} from '../../helpers/conversions';
import { operationError } from '../../helpers/errors';
import { requirePostbackKey, sendPostback } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';
import { POSTBACK } from '../node.type';

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
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			allowUndocumentedTransitionsOption,
			concurrencyOption,
			confirmOption,
			confirmTimeoutOption,
			dataOnlyOption,
			timeoutOption,
		],
	},
];

export const endpoints: Endpoint[] = [
	POSTBACK,
	{ method: 'POST', path: '/conversions/log' },
	{ method: 'GET', path: '/offers/{id}' },
	{ method: 'GET', path: '/logs/{type}' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversion'], operation: ['update'] } },
	properties,
);

function money(value: unknown): number {
	return Math.round(Number(value) * 100) / 100;
}

/**
 * Changes a conversion the only way Keitaro allows: a postback with the conversion's subid and
 * tid, which Keitaro applies to that conversion in place. Finds and checks the conversion first,
 * then (by default) waits until the change shows in the conversions log.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const node = this.getNode();
	const idType = this.getNodeParameter('conversionIdType', i) as 'conversionId' | 'tid';
	const id = String(this.getNodeParameter('conversionId', i) ?? '').trim();
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	if (!id) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			'Conversion ID is empty',
			idType === 'tid'
				? 'Enter the transaction ID (tid) of the conversion to change.'
				: 'Enter the Keitaro conversion ID (a number, column conversion_id in the conversions log), or find the conversion by its transaction ID instead.',
		);
	}
	if (idType === 'conversionId' && !/^\d+$/.test(id)) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			`Conversion ID "${id}" is not a number`,
			'Keitaro conversion IDs are whole numbers. To use the network’s transaction ID, set "Find Conversion By" to Transaction ID.',
		);
	}
	const change = readConversionData.call(this, i, 'update');
	await requirePostbackKey.call(this);

	const lookup = await findConversions.call(this, [
		idType === 'conversionId' ? equals('conversion_id', Number(id)) : equals('tid', id),
		...(idType === 'tid' ? [equals('sub_id', change.click_id)] : []),
	]);
	const before = lookup.data[0];
	if (!before) {
		throw operationError(
			node,
			i,
			'NOT_FOUND',
			idType === 'conversionId'
				? `Conversion ${id} not found in Keitaro`
				: `No conversion with tid "${id}" on click ${change.click_id}`,
			'Check the ID in Keitaro → Conversions. Keitaro cannot change a conversion it does not have; use Create for a missing one.',
			{ request: lookup.request },
		);
	}
	if (String(before.sub_id) !== change.click_id) {
		throw operationError(
			node,
			i,
			'CLICK_MISMATCH',
			`Conversion ${String(before.conversion_id)} belongs to click ${String(before.sub_id)}, not to ${change.click_id}`,
			'Check click_id: it must be the subid of the click this conversion came from.',
			{ request: lookup.request },
		);
	}
	const fromStatus = String(before.status);
	const toStatus = change.status ?? fromStatus;
	if (
		!isDocumentedTransition(fromStatus, toStatus) &&
		options.allowUndocumentedTransitions !== true
	) {
		throw operationError(
			node,
			i,
			'UNDOCUMENTED_TRANSITION',
			`Keitaro does not document the change ${fromStatus} → ${toStatus}`,
			`Documented changes: ${DOCUMENTED_TRANSITIONS_TEXT}. Switch on "Allow Undocumented Transitions" to send it anyway.`,
			{ request: lookup.request },
		);
	}

	const warnings: string[] = [];
	let expectRevenue = change.revenue !== undefined && !change.currency;
	if (change.revenue !== undefined && !sameMoney(change.revenue, before.revenue)) {
		const offer = await offerTakesPostbackPayout.call(this, Number(before.offer_id));
		if (offer && !offer.payoutAuto) {
			expectRevenue = false;
			warnings.push(
				`Keitaro keeps the offer’s payout (${offer.payoutValue}) instead of ${change.revenue}: offer ${String(before.offer_id)} "${offer.name}" does not take the payout from postbacks (payout_auto is off). Switch it on in the offer to let postbacks set revenue.`,
			);
		}
	}
	const changesSomething =
		toStatus !== fromStatus ||
		(change.revenue !== undefined && !sameMoney(change.revenue, before.revenue)) ||
		change.currency !== undefined ||
		Object.keys(change.sub_ids).length > 0;
	const beforeState = { status: fromStatus, revenue: money(before.revenue) };
	if (!changesSomething) {
		return {
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
			request: lookup.request,
		};
	}

	const params: IDataObject = {
		subid: change.click_id,
		status: toStatus,
		payout: change.revenue ?? money(before.revenue),
		...(change.currency ? { currency: change.currency } : {}),
		...change.sub_ids,
	};
	if (before.tid) params.tid = before.tid;
	// the conversion exists, so Keitaro matches it by subid + tid and a repeat changes nothing more
	const postback = await sendPostback.call(this, params, { idempotent: true });

	let after: IDataObject | undefined = before;
	let confirmed = false;
	if (options.confirm !== false) {
		const timeoutMs = Number(options.confirmTimeout ?? 30) * 1000;
		after = await waitForConversion.call(
			this,
			[equals('conversion_id', Number(before.conversion_id))],
			(row) =>
				row.status === toStatus && (!expectRevenue || sameMoney(row.revenue, change.revenue)),
			timeoutMs,
		);
		if (!after) {
			const log = await postbackLogFor.call(this, change.click_id);
			throw operationError(
				node,
				i,
				'NOT_CONFIRMED',
				`Keitaro accepted the postback but conversion ${String(before.conversion_id)} did not change within ${timeoutMs / 1000} s`,
				`Keitaro applies postbacks from a queue. Its received-postbacks log says:\n${log.join('\n') || '(nothing for this click)'}`,
				{ request: postback.request },
			);
		}
		confirmed = true;
	}
	return {
		data: {
			conversion_id: before.conversion_id,
			click_id: change.click_id,
			tid: before.tid,
			changed: true,
			confirmed,
			before: beforeState,
			after: confirmed
				? { status: String(after.status), revenue: money(after.revenue) }
				: { status: toStatus, revenue: money(params.payout) },
			keitaro_answer: postback.answer,
			warnings,
			...(confirmed ? { conversion: after } : {}),
		},
		request: postback.request,
	};
}
