import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { clickIdField, subIdsField } from '../../descriptions/conversionData';
import {
	additionalFieldsCollection,
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
	timeoutOption,
} from '../../descriptions/options';
import { CONVERSION_STATUSES, parseCurrency } from '../../helpers/conversionData';
import { subIdValues } from '../../helpers/conversionInput';
import { InputError, invalidInput } from '../../helpers/errors';
import { splitList } from '../../helpers/listInput';
import { keitaroDateTime } from '../../helpers/range';
import { sendPostback } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';
import { POSTBACK } from '../node.type';

/** The status lists of a postback: the network's statuses Keitaro maps to its own (docs/keitaro.md §3.3). */
const STATUS_LISTS = [
	['leadStatuses', 'lead_status', 'Lead Statuses', 'reg, hold', 'a lead'],
	['rejectedStatuses', 'rejected_status', 'Rejected Statuses', 'canceled, fake', 'rejected'],
	['saleStatuses', 'sale_status', 'Sale Statuses', 'approved, paid', 'a sale'],
	['ignoredStatuses', 'ignore_status', 'Ignored Statuses', 'test, ping', 'ignore the postback'],
] as const;

/** Parameters the node's own fields set; Extra Parameters may not repeat them. */
const OWN_PARAMETERS = [
	'subid',
	'status',
	'payout',
	'currency',
	'tid',
	'cost',
	'conversion_time',
	'return',
	...STATUS_LISTS.map(([, parameter]) => parameter),
];

function statusListField(name: (typeof STATUS_LISTS)[number][0]): INodeProperties {
	const [, parameter, displayName, example, meaning] = STATUS_LISTS.find((l) => l[0] === name)!;
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: example,
		description: `The network’s statuses that mean ${meaning}, comma-separated (Keitaro’s ${parameter} parameter)`,
	};
}

const properties: INodeProperties[] = [
	clickIdField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'string',
		default: 'lead',
		required: true,
		description:
			'Lead, sale, rejected or rebill; or the network’s own status (e.g. approved) when a status list below names it',
	},
	additionalFieldsCollection(
		{
			displayName: 'Conversion Time',
			name: 'conversionTime',
			type: 'dateTime',
			default: '',
			description:
				'When the conversion happened (UTC); Keitaro uses the time it receives the postback otherwise',
		},
		{
			displayName: 'Cost',
			name: 'cost',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 4 },
			description: 'Cost of the conversion (CPA and RevShare cost models)',
		},
		{
			displayName: 'Currency',
			name: 'currency',
			type: 'string',
			default: '',
			placeholder: 'USD',
			description: 'Currency of payout and cost; Keitaro converts them to the tracker currency',
		},
		{
			displayName: 'Extra Parameters',
			name: 'extraParameters',
			type: 'fixedCollection',
			default: {},
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			description: 'Other parameters Keitaro reads, e.g. extra_param_1',
			options: [
				{
					displayName: 'Parameter',
					name: 'parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		statusListField('ignoredStatuses'),
		statusListField('leadStatuses'),
		{
			displayName: 'Payout',
			name: 'payout',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description:
				'Revenue of the conversion; Keitaro uses it when the offer takes payouts from postbacks',
		},
		statusListField('rejectedStatuses'),
		{
			displayName: 'Return Text',
			name: 'returnText',
			type: 'string',
			default: '',
			placeholder: 'OK',
			description: 'What Keitaro answers instead of "Success" (its return parameter)',
		},
		statusListField('saleStatuses'),
		subIdsField,
		{
			displayName: 'Transaction ID',
			name: 'tid',
			type: 'string',
			default: '',
			description:
				'Tells several conversions of one click apart; the same tid again changes that conversion',
		},
	),
	optionsCollection(concurrencyOption, requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [POSTBACK];

export const description = updateDisplayOptions(
	{ show: { resource: ['postback'], operation: ['send'] } },
	properties,
);

function amount(value: unknown, label: string): number {
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0)
		throw new InputError(
			`${label} ${String(value)} is not an amount`,
			`Enter ${label} as a number of 0 or more.`,
		);
	return n;
}

/** The postback's query parameters from the fields; an InputError for anything Keitaro would drop. */
function postbackParameters(clickId: string, status: string, extra: IDataObject): IDataObject {
	if (!clickId) throw new InputError('Click ID is empty', 'Enter the click’s Keitaro subid.');
	if (!status)
		throw new InputError('Status is empty', `Use one of ${CONVERSION_STATUSES.join(', ')}.`);
	const params: IDataObject = { subid: clickId, status };
	if (extra.payout !== undefined) params.payout = amount(extra.payout, 'Payout');
	if (extra.currency) params.currency = parseCurrency(extra.currency, 'Currency');
	if (extra.tid) params.tid = String(extra.tid).trim();
	if (extra.cost !== undefined) params.cost = amount(extra.cost, 'Cost');
	if (extra.conversionTime) {
		const at = keitaroDateTime(String(extra.conversionTime), 'UTC');
		if (!at)
			throw new InputError(
				`Conversion Time "${String(extra.conversionTime)}" is not a date`,
				'Pick a date and time.',
			);
		params.conversion_time = at.length === 10 ? `${at} 00:00:00` : at;
	}
	Object.assign(params, subIdValues(extra.subIds));
	const mapped = new Set<string>();
	for (const [name, parameter] of STATUS_LISTS) {
		const statuses = splitList(extra[name], /,/);
		statuses.forEach((s) => mapped.add(s.toLowerCase()));
		if (statuses.length) params[parameter] = statuses.join(',');
	}
	const known = (CONVERSION_STATUSES as readonly string[]).includes(status.toLowerCase());
	if (!known && !mapped.has(status.toLowerCase())) {
		throw new InputError(
			`Status "${status}" is not a Keitaro status`,
			`Keitaro knows ${CONVERSION_STATUSES.join(', ')}. To send the network’s own status, name it in Sale, Lead, Rejected or Ignored Statuses: recent trackers ignore statuses they cannot map.`,
		);
	}
	const returnText = String(extra.returnText ?? '').trim();
	if (['gif', 'jsonp'].includes(returnText.toLowerCase()))
		throw new InputError(
			`Return Text "${returnText}" asks Keitaro for an image or a script`,
			'The node reads Keitaro’s text answer: use a word such as OK, or leave it empty.',
		);
	if (returnText) params.return = returnText;
	for (const entry of ((extra.extraParameters as IDataObject)?.parameter as IDataObject[]) ?? []) {
		const name = String(entry.name ?? '').trim();
		if (!name)
			throw new InputError(
				'An extra parameter has no name',
				'Name it, e.g. extra_param_1, or remove it.',
			);
		if (OWN_PARAMETERS.includes(name) || name in params)
			throw new InputError(
				`Extra parameter "${name}" is set by a field of its own`,
				'Use that field instead.',
			);
		params[name] = String(entry.value ?? '');
	}
	return params;
}

/**
 * Sends one S2S postback to Keitaro's postback URL, the way an affiliate network does: every
 * parameter Keitaro reads, including the status lists. Keitaro queues it; "Success" means
 * accepted, not applied (Postback → Get Received Postbacks shows what became of it; Conversion →
 * Create or Update confirm the change). A postback with a tid may be retried; without one it is
 * sent once, because a repeat could add a second conversion.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	let params: IDataObject;
	try {
		params = postbackParameters(
			String(this.getNodeParameter('clickId', i, '') ?? '').trim(),
			String(this.getNodeParameter('status', i, '') ?? '').trim(),
			this.getNodeParameter('additionalFields', i, {}) as IDataObject,
		);
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
	const postback = await sendPostback.call(this, params);
	return {
		data: {
			click_id: params.subid,
			status: params.status,
			...(params.tid ? { tid: params.tid } : {}),
			queued: true,
			keitaro_answer: postback.answer,
		},
		request: postback.request,
	};
}
