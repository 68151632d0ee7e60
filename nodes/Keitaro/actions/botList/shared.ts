import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { invalidInput } from '../../helpers/errors';
import { parseIpList } from '../../helpers/ipList';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, ItemOperation } from '../node.type';

/**
 * Keitaro has one IP list, the bot list (docs/keitaro.md §2.10). The seed node's two groups, Blacklist
 * and Bot, both edit it: each operation here serves both resources.
 */
export const BOT_LIST_RESOURCES = ['blacklist', 'bot'];

export const optionsField = optionsCollection(requestDetailsOption, timeoutOption);

export function botListProperties(
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: BOT_LIST_RESOURCES, operation: [operation] } },
		properties,
	);
}

/** Add, Remove and Replace: send the IPs of the IPs field to one bot-list endpoint. */
export function ipListChange(
	operation: string,
	endpoint: Endpoint & { method: 'POST' | 'PUT'; path: string },
	ipsDescription: string,
): ItemOperation {
	return {
		description: botListProperties(operation, [
			{
				displayName: 'IPs',
				name: 'ips',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				required: true,
				placeholder: '1.2.3.4\n5.6.7.0/24\n8.8.8.1-8.8.8.9',
				description: ipsDescription,
			},
			optionsField,
		]),
		endpoints: [endpoint],
		async execute(this: IExecuteFunctions, i: number) {
			let ips: string[];
			try {
				ips = parseIpList(this.getNodeParameter('ips', i));
			} catch (error) {
				throw invalidInput(this.getNode(), i, error as Error);
			}
			const response = await keitaroApiRequest.call(this, {
				...endpoint,
				body: { value: ips.join('\n') },
			});
			return {
				data: { ips, sent: ips.length, keitaro_answer: response.data as IDataObject },
				request: response.request,
			};
		},
	};
}
