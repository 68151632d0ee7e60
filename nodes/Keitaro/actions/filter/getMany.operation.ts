import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { objectLocator } from '../../descriptions/locators';
import { requestDetailsOption, optionsCollection } from '../../descriptions/options';
import { streamCampaignLocator } from '../../descriptions/streamFields';
import { readObjectId } from '../../helpers/objectInput';
import { STREAM } from '../../helpers/objects';
import { getStream } from '../../helpers/streams';
import type { Endpoint, OperationResult } from '../node.type';

export const description = updateDisplayOptions(
	{ show: { resource: ['filter'], operation: ['getMany'] } },
	[streamCampaignLocator, objectLocator(STREAM), optionsCollection(requestDetailsOption)],
);

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/streams/{id}' }];

/** Filters exist only inside a stream (docs/keitaro.md §2.13): they are read from it. */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const { data: stream, request } = await getStream.call(this, readObjectId.call(this, i, STREAM));
	return { data: (stream.filters as IDataObject[] | undefined) ?? [], request };
}
