import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { checkRuleOptions } from '../../descriptions/conversionRequest';
import { optionsCollection } from '../../descriptions/options';
import type { InputError } from '../../helpers/errors';
import { inInputOrder, recordOutcome } from '../../helpers/batch';
import type { RequestDraft } from '../../helpers/requests/draft';
import { draftFromRow } from '../../helpers/requests/draft';
import { raiseRequests } from '../../helpers/requests/raise';
import { readCheckRules } from '../../helpers/requests/rules';
import type { BatchOutcome, Endpoint } from '../node.type';
import {
	openRequestsOption,
	readRaiseOptions,
	requestTypeField,
	REQUEST_LOOKUP_ENDPOINTS,
} from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'Each input item is one row: Keitaro’s import columns subid, payout, tid, status, plus optional currency, sub_id_1…30, reason, requested_by, type, conversion_id, idempotency_key (e.g. from Extract From File). Valid rows come out of the first output as inquired requests; every other row comes out of the second with its reason.',
		name: 'importNotice',
		type: 'notice',
		default: '',
	},
	requestTypeField,
	{
		displayName: 'Requested By',
		name: 'requestedBy',
		type: 'string',
		default: '',
		placeholder: 'finance@example.com',
		description: 'Who raises the requests, for rows without a requested_by column',
	},
	optionsCollection(...checkRuleOptions, openRequestsOption),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['import'] } },
	properties,
);

export const endpoints: Endpoint[] = REQUEST_LOOKUP_ENDPOINTS;

export const outputNames = ['Valid', 'Invalid'];

/**
 * Raises a request from every row, checked against Keitaro in batched look-ups. Every row comes
 * out exactly once: on Valid as an inquired request, or on Invalid with the row's own columns,
 * its row number and why (reason_code, reason_message), ready to fix and import again.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const items = this.getInputData();
	const now = new Date();
	const options = readRaiseOptions.call(this, now);
	if ('refused' in options) return options.refused;
	const requestType = this.getNodeParameter('requestType', 0) as RequestDraft['type'];
	const refused = (index: number, code: string, message: string, requestId = '') =>
		recordOutcome(
			index,
			{
				...items[index].json,
				row_number: index + 1,
				request_id: requestId,
				request_status: 'rejected',
				reason_code: code,
				reason_message: message,
			},
			1,
		);
	const outcomes: BatchOutcome[] = [];
	const drafts: Array<{ index: number; draft: RequestDraft }> = [];
	for (let index = 0; index < itemCount; index++) {
		const requestedBy = this.getNodeParameter('requestedBy', index, '') as string;
		try {
			drafts.push({
				index,
				draft: draftFromRow(items[index].json, { requestedBy, type: requestType }),
			});
		} catch (error) {
			const problem = error as InputError;
			outcomes.push(
				refused(index, 'INVALID_ROW', `${problem.message}. ${problem.description ?? ''}`.trim()),
			);
		}
	}
	const records = await raiseRequests.call(
		this,
		drafts.map((d) => d.draft),
		// one set of rules for the whole file: the Options of the first row
		(_, offerTakesPayout) => readCheckRules.call(this, 0, offerTakesPayout, now),
		options.openRequests,
		now,
	);
	records.forEach((record, n) => {
		const { index } = drafts[n];
		outcomes.push(
			record.request_status === 'inquired'
				? recordOutcome(index, record, 0)
				: refused(index, record.reason_code, record.reason_message, record.request_id),
		);
	});
	return inInputOrder(outcomes);
}
