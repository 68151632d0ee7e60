import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { confirmDeletionField } from '../../descriptions/confirmDeletion';
import { requireDeletionConfirmed } from '../../helpers/confirmDeletion';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';
import { botListProperties, optionsField } from './shared';

const WHAT = 'remove every IP from the bot list';

export const endpoints: Endpoint[] = [{ method: 'DELETE', path: '/botlist' }];

export const description = botListProperties('clear', [confirmDeletionField(WHAT), optionsField]);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	requireDeletionConfirmed.call(this, i, WHAT);
	const response = await keitaroApiRequest.call(this, { method: 'DELETE', path: '/botlist' });
	return {
		data: { cleared: true, keitaro_answer: response.data as IDataObject },
		request: response.request,
	};
}
