import type { INodeProperties } from 'n8n-workflow';

import { SUB_ID_COUNT } from '../helpers/conversionData';

const subIdNumbers = Array.from({ length: SUB_ID_COUNT }, (_, n) => ({
	name: `sub_id_${n + 1}`,
	value: n + 1,
}));

export const clickIdField: INodeProperties = {
	displayName: 'Click ID',
	name: 'clickId',
	type: 'string',
	default: '',
	required: true,
	placeholder: '3kd9s8d7f6',
	description: 'The click’s Keitaro subid, the value of the {subid} macro',
};

/** sub_id_1 … sub_id_30 values to set on the click (read with helpers/conversionInput.ts subIdValues). */
export const subIdsField: INodeProperties = {
	displayName: 'Sub IDs',
	name: 'subIds',
	type: 'fixedCollection',
	default: {},
	typeOptions: { multipleValues: true },
	options: [
		{
			displayName: 'Sub ID',
			name: 'subId',
			values: [
				{
					displayName: 'Sub ID',
					name: 'number',
					type: 'options',
					default: 1,
					options: subIdNumbers,
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

/**
 * The change to a conversion, as JSON (the seed node's "Conversion Data", which must contain
 * click_id) or as fields. Update may keep the current status; Create needs one and may name a tid.
 */
export function conversionDataFields(operation: 'update' | 'create'): INodeProperties[] {
	const statuses = [
		{ name: 'Lead', value: 'lead', description: 'Waiting for confirmation (revenue on hold)' },
		{ name: 'Rebill', value: 'rebill', description: 'Repeat payment or upsell' },
		{ name: 'Rejected', value: 'rejected', description: 'Cancelled; revenue goes to rejected' },
		{ name: 'Sale', value: 'sale', description: 'Confirmed' },
	];
	const jsonExample =
		operation === 'update'
			? '{\n  "click_id": "",\n  "status": "sale",\n  "revenue": 0\n}'
			: '{\n  "click_id": "",\n  "status": "lead",\n  "tid": ""\n}';
	const statusDefault = operation === 'update' ? '' : 'lead';
	return [
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			default: 'json',
			options: [
				{ name: 'JSON', value: 'json', description: 'One JSON object that must contain click_id' },
				{ name: 'Fields', value: 'fields', description: 'Fill in a field for each value' },
			],
		},
		{
			displayName: 'Conversion Data',
			name: 'conversionData',
			type: 'json',
			default: jsonExample,
			required: true,
			displayOptions: { show: { inputMode: ['json'] } },
			description:
				'JSON with click_id (the click’s Keitaro subid) and what to set: status (lead, sale, rejected, rebill), revenue, currency, sub_id_1 … sub_id_30' +
				(operation === 'create' ? ', tid' : ''),
		},
		{ ...clickIdField, displayOptions: { show: { inputMode: ['fields'] } } },
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: statusDefault,
			options:
				operation === 'update'
					? [
							{ name: 'Keep Current', value: '', description: 'Change only revenue or sub IDs' },
							...statuses,
						]
					: statuses,
			displayOptions: { show: { inputMode: ['fields'] } },
		},
		...(operation === 'create'
			? [
					{
						displayName: 'Transaction ID',
						name: 'tid',
						type: 'string',
						default: '',
						displayOptions: { show: { inputMode: ['fields'] } },
						description:
							'Keitaro’s tid: tells several conversions of one click apart (rebills, repeat deposits). Send the same tid again to change this conversion later.',
					} satisfies INodeProperties,
				]
			: []),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { inputMode: ['fields'] } },
			options: [
				{
					displayName: 'Currency',
					name: 'currency',
					type: 'string',
					default: '',
					placeholder: 'USD',
					description: 'Currency of the revenue; Keitaro converts it to the tracker currency',
				},
				{
					displayName: 'Revenue',
					name: 'revenue',
					type: 'number',
					default: 0,
					typeOptions: { minValue: 0, numberPrecision: 2 },
					description:
						'Payout of the conversion. Keitaro uses it only if the offer takes the payout from postbacks.',
				},
				subIdsField,
			],
		},
	];
}
