import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { objectLocator } from '../../descriptions/locators';
import { requestDetailsOption, optionsCollection } from '../../descriptions/options';
import { streamCampaignLocator } from '../../descriptions/streamFields';
import { readObjectId } from '../../helpers/objectInput';
import { STREAM } from '../../helpers/objects';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

export const description = updateDisplayOptions(
	{ show: { resource: ['stream'], operation: ['getEvents'] } },
	[streamCampaignLocator, objectLocator(STREAM), optionsCollection(requestDetailsOption)],
);

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/streams/{id}/events' }];

/** What happened to a stream (its triggers fired, it was changed), as Keitaro records it. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const id = readObjectId.call(this, i, STREAM);
	const response = await keitaroApiRequest.call(this, {
		method: 'GET',
		path: `/streams/${id}/events`,
	});
	return { data: response.data as IDataObject | IDataObject[], request: response.request };
}
