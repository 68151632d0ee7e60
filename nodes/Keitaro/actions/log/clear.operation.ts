import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { confirmDeletionField } from '../../descriptions/confirmDeletion';
import { logTypeField } from '../../descriptions/logType';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { requireDeletionConfirmed } from '../../helpers/confirmDeletion';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const WHAT = 'delete every line of this log';

const properties: INodeProperties[] = [
	logTypeField,
	confirmDeletionField(WHAT),
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'DELETE', path: '/logs/{type}' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['log'], operation: ['clear'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	requireDeletionConfirmed.call(this, i, WHAT);
	const type = this.getNodeParameter('logType', i) as string;
	const response = await keitaroApiRequest.call(this, { method: 'DELETE', path: `/logs/${type}` });
	return {
		data: { log: type, cleared: true, keitaro_answer: response.data as IDataObject },
		request: response.request,
	};
}
