import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { IntegrationSetting } from '../../descriptions/integrationSettings';
import {
	INTEGRATION_SETTINGS,
	integrationSettingField,
} from '../../descriptions/integrationSettings';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { operationError } from '../../helpers/errors';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	integrationSettingField,
	{
		displayName: 'AVScan Key',
		name: 'avscanKey',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		required: true,
		displayOptions: { show: { setting: ['avscan'] } },
	},
	{
		displayName: 'IMKLO API URL',
		name: 'imkloApiUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://api.imklo.example/',
		displayOptions: { show: { setting: ['imklo'] } },
	},
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = Object.values(INTEGRATION_SETTINGS).map(({ path }) => ({
	method: 'PUT',
	path,
}));

export const description = updateDisplayOptions(
	{ show: { resource: ['settings'], operation: ['update'] } },
	properties,
);

/** Sets one integration value; Keitaro takes it as a query parameter (the spec's PUT). */
export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const setting = this.getNodeParameter('setting', i) as IntegrationSetting;
	const { path, key, field } = INTEGRATION_SETTINGS[setting];
	const value = String(this.getNodeParameter(field, i, '') ?? '').trim();
	const label = setting === 'avscan' ? 'AVScan Key' : 'IMKLO API URL';
	if (!value || (setting === 'imklo' && !/^https?:\/\/[^\s/]+/i.test(value))) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			value ? `${label} "${value}" is not a web address` : `${label} is empty`,
			setting === 'imklo'
				? 'Enter the IMKLO API address, starting with https://.'
				: 'Enter the key from your AVScan account.',
		);
	}
	const response = await keitaroApiRequest.call(this, {
		method: 'PUT',
		path,
		qs: { [key]: value },
	});
	return { data: { setting, ...(response.data as IDataObject) }, request: response.request };
}
