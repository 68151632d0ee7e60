import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as conversion from './actions/conversion';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';

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
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'keitaroApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Conversion', value: 'conversion' }],
				default: 'conversion',
			},
			...conversion.description,
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
