import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkRuleOptions } from '../../descriptions/conversionRequest';
import { subIdsField } from '../../descriptions/conversionData';
import { optionsCollection } from '../../descriptions/options';
import { CONVERSION_STATUSES } from '../../helpers/conversionData';
import { subIdValues } from '../../helpers/conversionInput';
import { readItems, recordOutcome } from '../../helpers/batch';
import { draftFromRow } from '../../helpers/requests/draft';
import { raiseRequests } from '../../helpers/requests/raise';
import { readCheckRules } from '../../helpers/requests/rules';
import type { BatchOutcome, Endpoint } from '../node.type';
import { openRequestsOption, readRaiseOptions, REQUEST_LOOKUP_ENDPOINTS } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Request Type',
		name: 'requestType',
		type: 'options',
		default: 'change',
		options: [
			{
				name: 'Change Existing',
				value: 'change',
				description: 'Change status, revenue or sub IDs of a tracked conversion',
			},
			{
				name: 'Create New',
				value: 'create',
				description: 'Create a missing or untracked conversion',
			},
		],
	},
	{
		displayName: 'Click ID',
		name: 'clickId',
		type: 'string',
		default: '',
		required: true,
		description: 'The click’s Keitaro subid, the value of the {subid} macro',
	},
	{
		displayName: 'Transaction ID',
		name: 'tid',
		type: 'string',
		default: '',
		description:
			'Keitaro’s tid of the conversion. Change: which conversion of the click (empty: the one without a tid). Create: the new conversion’s tid.',
	},
	{
		displayName: 'Target Status',
		name: 'targetStatus',
		type: 'options',
		default: 'sale',
		options: CONVERSION_STATUSES.map((s) => ({ name: s[0].toUpperCase() + s.slice(1), value: s })),
		description: 'The status the conversion should have',
	},
	{
		displayName: 'Requested By',
		name: 'requestedBy',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'partner@example.com',
		description: 'Who asks; an approver must be someone else unless self-approval is allowed',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Conversion ID',
				name: 'conversionId',
				type: 'string',
				default: '',
				description: 'Keitaro’s ID of the conversion to change (instead of click and tid)',
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'USD',
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description:
					'Your own key for this request (e.g. the CRM event ID): the same key gives the same request ID. Empty: the request’s content decides.',
			},
			{
				displayName: 'Reason',
				name: 'reason',
				type: 'string',
				default: '',
				description: 'Why the change is needed (kept in the request)',
			},
			{
				displayName: 'Revenue',
				name: 'revenue',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 2 },
			},
			subIdsField,
		],
	},
	optionsCollection(...checkRuleOptions, openRequestsOption),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['raise'] } },
	properties,
);

export const endpoints: Endpoint[] = REQUEST_LOOKUP_ENDPOINTS;

/** The fields of one item, as an import row, so Raise and Import check requests the same way. */
function rowOf(this: IExecuteFunctions, i: number): IDataObject {
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const row: IDataObject = {
		type: this.getNodeParameter('requestType', i),
		subid: this.getNodeParameter('clickId', i),
		tid: this.getNodeParameter('tid', i, ''),
		status: this.getNodeParameter('targetStatus', i),
		requested_by: this.getNodeParameter('requestedBy', i),
		conversion_id: extra.conversionId ?? '',
		currency: extra.currency ?? '',
		reason: extra.reason ?? '',
		idempotency_key: extra.idempotencyKey ?? '',
		payout: extra.revenue ?? '',
	};
	return { ...row, ...subIdValues(extra.subIds) };
}

/**
 * Raises one request per item: checked against Keitaro (batched across items), with the
 * conversion's snapshot for a change. Out comes an inquired request, or a rejected one with its
 * reason code when a check fails.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const now = new Date();
	const drafts = readItems(this, itemCount, (i) =>
		draftFromRow(rowOf.call(this, i), { requestedBy: '', type: 'change' }),
	);
	if (drafts.stop) return drafts.refused.slice(0, 1);
	const options = readRaiseOptions.call(this, now);
	if ('refused' in options) return options.refused;
	const records = await raiseRequests.call(
		this,
		drafts.read.map((d) => d.value),
		(n, offerTakesPayout) => readCheckRules.call(this, drafts.read[n].index, offerTakesPayout, now),
		options.openRequests,
		now,
	);
	const outcomes = records.map((record, n) => recordOutcome(drafts.read[n].index, record));
	return [...drafts.refused, ...outcomes].sort((a, b) => a.items[0] - b.items[0]);
}
