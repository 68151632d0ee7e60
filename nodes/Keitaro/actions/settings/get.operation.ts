import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { IntegrationSetting } from '../../descriptions/integrationSettings';
import {
	INTEGRATION_SETTINGS,
	integrationSettingField,
} from '../../descriptions/integrationSettings';
import { requestDetailsOption, optionsCollection, timeoutOption } from '../../descriptions/options';
import { keitaroApiRequest } from '../../transport';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	integrationSettingField,
	optionsCollection(requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = Object.values(INTEGRATION_SETTINGS).map(({ path }) => ({
	method: 'GET',
	path,
}));

export const description = updateDisplayOptions(
	{ show: { resource: ['settings'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const setting = this.getNodeParameter('setting', i) as IntegrationSetting;
	const { path } = INTEGRATION_SETTINGS[setting];
	const response = await keitaroApiRequest.call(this, { method: 'GET', path });
	return { data: { setting, ...(response.data as IDataObject) }, request: response.request };
}
