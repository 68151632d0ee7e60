import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { confirmDeletionField } from '../../descriptions/confirmDeletion';
import { timeZoneField } from '../../descriptions/dateRange';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { requireDeletionConfirmed } from '../../helpers/confirmDeletion';
import { invalidInput, operationError } from '../../helpers/errors';
import { readPeriod, readTimeZone } from '../../helpers/period';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const WHAT = 'delete the clicks and conversions of this period';

const properties: INodeProperties[] = [
	{
		displayName: 'Start',
		name: 'start',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'First moment of the period to delete',
	},
	{
		displayName: 'End',
		name: 'end',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'Last moment of the period to delete; a date alone includes the whole day',
	},
	timeZoneField,
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'number',
		default: 0,
		description: 'Only this campaign’s statistics. 0 deletes the period in every campaign.',
	},
	confirmDeletionField(WHAT),
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/clicks/clean' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['click'], operation: ['cleanStats'] } },
	properties,
);

/** Deletes a period's statistics (POST /clicks/clean); Keitaro runs it as a background job. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	requireDeletionConfirmed.call(this, i, WHAT);
	const campaignId = Number(this.getNodeParameter('campaignId', i, 0));
	if (!Number.isInteger(campaignId) || campaignId < 0) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			`Campaign ID ${campaignId} is not a campaign`,
			'Enter the campaign’s ID (a whole number), or 0 for every campaign.',
		);
	}
	let body: IDataObject;
	try {
		const timezone = readTimeZone(this.getNodeParameter('timezone', i, ''), this.getTimezone());
		body = {
			...readPeriod(this.getNodeParameter('start', i), this.getNodeParameter('end', i), timezone),
			timezone,
			...(campaignId ? { campaign_id: campaignId } : {}),
		};
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
	const response = await keitaroApiRequest.call(this, {
		method: 'POST',
		path: '/clicks/clean',
		body,
	});
	return {
		data: { ...body, scheduled: true, keitaro_answer: response.data as IDataObject },
		request: response.request,
	};
}
