import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as affiliateNetwork from './actions/affiliateNetwork';
import * as botList from './actions/botList';
import * as campaign from './actions/campaign';
import * as click from './actions/click';
import * as conversion from './actions/conversion';
import * as conversionRequest from './actions/conversionRequest';
import * as domain from './actions/domain';
import * as filter from './actions/filter';
import * as group from './actions/group';
import * as landing from './actions/landing';
import * as log from './actions/log';
import * as offer from './actions/offer';
import * as postback from './actions/postback';
import * as settings from './actions/settings';
import * as statistics from './actions/statistics';
import * as stream from './actions/stream';
import * as trafficSource from './actions/trafficSource';
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
					{ name: 'Affiliate Network', value: 'affiliateNetwork' },
					{ name: 'Blacklist', value: 'blacklist' },
					{ name: 'Bot', value: 'bot' },
					{ name: 'Campaign', value: 'campaign' },
					{ name: 'Click', value: 'click' },
					{ name: 'Conversion', value: 'conversion' },
					{ name: 'Conversion Request', value: 'conversionRequest' },
					{ name: 'Domain', value: 'domain' },
					{ name: 'Filter', value: 'filter' },
					{ name: 'Group', value: 'group' },
					{ name: 'Landing Page', value: 'landing' },
					{ name: 'Log', value: 'log' },
					{ name: 'Offer', value: 'offer' },
					{ name: 'Postback', value: 'postback' },
					// Keitaro's "Statistics" (Статистика); n8n wants singular resource names
					{ name: 'Report', value: 'statistics' },
					{ name: 'Setting', value: 'settings' },
					{ name: 'Stream (Flow)', value: 'stream' },
					{ name: 'Traffic Source', value: 'trafficSource' },
					{ name: 'User', value: 'user' },
				],
				default: 'conversion',
			},
			...conversion.description,
			...conversionRequest.description,
			...affiliateNetwork.description,
			...campaign.description,
			...domain.description,
			...filter.description,
			...group.description,
			...landing.description,
			...offer.description,
			...stream.description,
			...trafficSource.description,
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
