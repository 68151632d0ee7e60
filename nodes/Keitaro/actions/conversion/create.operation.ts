import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { conversionDataFields } from '../../descriptions/conversionData';
import {
	concurrencyOption,
	confirmOption,
	confirmTimeoutOption,
	dataOnlyOption,
	timeoutOption,
} from '../../descriptions/options';
import { readConversionData } from '../../helpers/conversionInput';
import {
	equals,
	findClick,
	findConversions,
	postbackLogFor,
	waitForConversion,
} from '../../helpers/conversions';
import { operationError } from '../../helpers/errors';
import { requirePostbackKey, sendPostback } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';
import { POSTBACK } from '../node.type';

const properties: INodeProperties[] = [
	...conversionDataFields('create'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
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
	{ method: 'POST', path: '/clicks/log' },
	{ method: 'POST', path: '/conversions/log' },
	{ method: 'GET', path: '/logs/{type}' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversion'], operation: ['create'] } },
	properties,
);

/**
 * Adds a conversion Keitaro missed (an offline sale, a lost postback) by sending the postback
 * the network should have sent. Refuses when the click is unknown or the conversion exists.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const node = this.getNode();
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const change = readConversionData.call(this, i, 'create');
	if (!change.status) {
		throw operationError(
			node,
			i,
			'INVALID_INPUT',
			'A new conversion needs a status',
			'Add "status": "lead", "sale", "rejected" or "rebill".',
		);
	}
	await requirePostbackKey.call(this);

	const click = await findClick.call(this, change.click_id);
	if (!click.data) {
		throw operationError(
			node,
			i,
			'CLICK_NOT_FOUND',
			`Click ${change.click_id} not found in Keitaro`,
			'A conversion belongs to a click. Check click_id: it is the click’s subid, the value of the {subid} macro.',
			{ request: click.request },
		);
	}
	const tid = change.tid ?? '';
	const existing = await findConversions.call(this, [equals('sub_id', change.click_id)], 100);
	const same = existing.data.find((row) => String(row.tid ?? '') === tid);
	if (same) {
		throw operationError(
			node,
			i,
			'ALREADY_EXISTS',
			`Click ${change.click_id} already has conversion ${String(same.conversion_id)}${tid ? ` with tid "${tid}"` : ' without a tid'} (${String(same.status)})`,
			'Keitaro would change that conversion instead of adding one. Use Update to change it, or give the new conversion its own tid.',
			{ request: existing.request },
		);
	}

	const params: IDataObject = {
		subid: change.click_id,
		status: change.status,
		...(change.revenue !== undefined ? { payout: change.revenue } : {}),
		...(change.currency ? { currency: change.currency } : {}),
		...(tid ? { tid } : {}),
		...change.sub_ids,
	};
	const postback = await sendPostback.call(this, params);

	if (options.confirm === false) {
		return {
			data: {
				click_id: change.click_id,
				tid,
				status: change.status,
				confirmed: false,
				keitaro_answer: postback.answer,
			},
			request: postback.request,
		};
	}
	const timeoutMs = Number(options.confirmTimeout ?? 30) * 1000;
	const known = new Set(existing.data.map((row) => String(row.conversion_id)));
	const created = await waitForConversion.call(
		this,
		[equals('sub_id', change.click_id)],
		(row) => String(row.tid ?? '') === tid && !known.has(String(row.conversion_id)),
		timeoutMs,
	);
	if (!created) {
		const log = await postbackLogFor.call(this, change.click_id);
		throw operationError(
			node,
			i,
			'NOT_CONFIRMED',
			`Keitaro accepted the postback but no new conversion showed for click ${change.click_id} within ${timeoutMs / 1000} s`,
			`Keitaro applies postbacks from a queue. Its received-postbacks log says:\n${log.join('\n') || '(nothing for this click)'}`,
			{ request: postback.request },
		);
	}
	const warnings =
		created.status !== change.status
			? [
					`Keitaro stored the conversion as ${String(created.status)} (sent: ${change.status}); an extra sale on a click becomes a rebill.`,
				]
			: [];
	return {
		data: {
			conversion_id: created.conversion_id,
			click_id: change.click_id,
			tid,
			status: created.status,
			revenue: created.revenue,
			confirmed: true,
			keitaro_answer: postback.answer,
			warnings,
			conversion: created,
		},
		request: postback.request,
	};
}
