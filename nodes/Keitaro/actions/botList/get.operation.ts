import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { splitList } from '../../helpers/listInput';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';
import { botListProperties, optionsField } from './shared';

export const endpoints: Endpoint[] = [{ method: 'GET', path: '/botlist' }];

export const description = botListProperties('get', [optionsField]);

/** The bot list, one record per entry (Keitaro sends it as one text, one entry per line). */
export async function execute(this: IExecuteFunctions): Promise<OperationResult> {
	const response = await keitaroApiRequest.call(this, { method: 'GET', path: '/botlist' });
	const ips = splitList((response.data as IDataObject).value);
	return { data: ips.map((ip) => ({ ip })), request: response.request };
}
