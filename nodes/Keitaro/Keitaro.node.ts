import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as botList from './actions/botList';
import * as click from './actions/click';
import * as conversion from './actions/conversion';
import * as conversionRequest from './actions/conversionRequest';
import * as log from './actions/log';
import * as postback from './actions/postback';
import * as settings from './actions/settings';
import * as statistics from './actions/statistics';
import * as user from './actions/user';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

const MULTIPLE_OUTPUTS = {
	'conversionRequest.import': conversionRequest.import.outputNames.map((displayName) => ({
		type: NodeConnectionTypes.Main,
		displayName,
	})),
};

export class Keitaro implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keitaro',
		name: 'keitaro',
		icon: { light: 'file:keitaro.svg', dark: 'file:keitaro.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Move Keitaro conversions from lead to sale, adjust revenue, and manage the tracker',
		defaults: { name: 'Keitaro' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Conversion Request → Import has a second output for the rows it refuses
		outputs: `={{ ${JSON.stringify(MULTIPLE_OUTPUTS)}[$parameter.resource + "." + $parameter.operation] || ["${NodeConnectionTypes.Main}"] }}`,
		credentials: [{ name: 'keitaroApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Blacklist', value: 'blacklist' },
					{ name: 'Bot', value: 'bot' },
					{ name: 'Click', value: 'click' },
					{ name: 'Conversion', value: 'conversion' },
					{ name: 'Conversion Request', value: 'conversionRequest' },
					{ name: 'Log', value: 'log' },
					{ name: 'Postback', value: 'postback' },
					// Keitaro's "Statistics" (Статистика); n8n wants singular resource names
					{ name: 'Report', value: 'statistics' },
					{ name: 'Setting', value: 'settings' },
					{ name: 'User', value: 'user' },
				],
				default: 'conversion',
			},
			...conversion.description,
			...conversionRequest.description,
			...click.description,
			...statistics.description,
			...log.description,
			...postback.description,
			...user.description,
			...botList.description,
			...settings.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
