import { toParameters } from '../helpers/objectInput';
import type { BodyField } from './objectFields';
import { nameField, notesField, parametersField, postbackUrlField } from './objectFields';

/** What a Keitaro admin sets on a traffic source (`SourceRequest`). */
export const trafficSourceFields: BodyField[] = [
	{ key: 'name', required: true, field: { ...nameField, placeholder: 'Facebook' } },
	{
		key: 'accept_parameters',
		field: {
			displayName: 'Accept Parameters',
			name: 'acceptParameters',
			type: 'boolean',
			default: false,
			description: 'Whether campaigns of this source take its parameters',
		},
	},
	{ key: 'notes', field: notesField },
	{ key: 'parameters', field: parametersField, toKeitaro: toParameters },
	{
		key: 'postback_statuses',
		field: {
			displayName: 'Postback Statuses',
			name: 'postbackStatuses',
			type: 'multiOptions',
			default: [],
			options: [
				{ name: 'Lead', value: 'lead' },
				{ name: 'Rebill', value: 'rebill' },
				{ name: 'Rejected', value: 'rejected' },
				{ name: 'Sale', value: 'sale' },
			],
			description: 'Which conversions Keitaro reports to the source',
		},
	},
	{
		key: 'postback_url',
		field: {
			...postbackUrlField,
			description: 'Where Keitaro reports conversions to the source (S2S postback)',
		},
	},
	{
		key: 'template_name',
		field: {
			displayName: 'Template Name',
			name: 'templateName',
			type: 'string',
			default: '',
			placeholder: 'facebook',
			description: 'Keitaro’s template the source was made from',
		},
	},
	{
		key: 'traffic_loss',
		field: {
			displayName: 'Traffic Loss (%)',
			name: 'trafficLoss',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 100 },
			description: 'Share of paid clicks that never reach the tracker, added to the cost',
		},
	},
];
