import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CAMPAIGN, STREAM } from '../helpers/objects';
import { toFilterRows, toShareRows } from '../helpers/streams';
import { objectLocator } from './locators';
import type { BodyField, BodyMode } from './objectFields';
import { actionPayloadField, actionTypeField, nameField } from './objectFields';

const REMOVE: INodePropertyOptions = {
	name: 'Remove From Stream',
	value: 'remove',
	description: 'Take this row off the stream',
};

const MERGE_NOTE =
	'Rows change or add to the stream’s current ones; the others stay. "Remove From Stream" takes one off.';

export const filterModeField: INodeProperties = {
	displayName: 'Mode',
	name: 'mode',
	type: 'options',
	default: 'accept',
	options: [
		{ name: 'Accept', value: 'accept', description: 'Only visitors that match get this stream' },
		{ name: 'Reject', value: 'reject', description: 'Visitors that match skip this stream' },
	],
};

export const filterTypeField: INodeProperties = {
	displayName: 'Filter Name or ID',
	name: 'name',
	type: 'options',
	default: '',
	typeOptions: { loadOptionsMethod: 'getStreamFilterTypes' },
	description:
		'The visitor property to check. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const filterValuesField: INodeProperties = {
	displayName: 'Values',
	name: 'payload',
	type: 'string',
	default: '',
	placeholder: 'AU, NZ',
	description: 'The values to match, separated by commas or new lines (country codes, keywords…)',
};

function filtersField(mode: BodyMode): BodyField {
	return {
		key: 'filters',
		only: mode,
		toKeitaro: toFilterRows,
		field: {
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Filter',
			description: mode === 'update' ? MERGE_NOTE : 'Which visitors the stream takes',
			options: [
				{
					displayName: 'Filter',
					name: 'row',
					values: [
						filterTypeField,
						mode === 'update'
							? { ...filterModeField, options: [...filterModeField.options!, REMOVE] }
							: filterModeField,
						filterValuesField,
					],
				},
			],
		},
	};
}

/** Offers or landing pages of a stream, each with its share of the stream's visitors. */
function sharesField(list: 'offers' | 'landings', mode: BodyMode): BodyField {
	const offers = list === 'offers';
	const label = offers ? 'Offer' : 'Landing Page';
	const states: INodePropertyOptions[] = [
		{ name: 'Active', value: 'active' },
		{ name: 'Disabled', value: 'disabled' },
	];
	return {
		key: list,
		only: mode,
		toKeitaro: toShareRows(list, label),
		field: {
			displayName: offers ? 'Offers' : 'Landing Pages',
			name: list,
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: `Add ${label}`,
			description:
				mode === 'update' ? MERGE_NOTE : `The stream’s ${label.toLowerCase()}s and their shares`,
			options: [
				{
					displayName: label,
					name: 'row',
					values: [
						{
							displayName: `${label} Name or ID`,
							name: 'id',
							type: 'options',
							default: '',
							typeOptions: { loadOptionsMethod: offers ? 'getOffers' : 'getLandings' },
							description:
								'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{
							displayName: 'Share (%)',
							name: 'share',
							type: 'number',
							default: 100,
							typeOptions: { minValue: 0, maxValue: 100 },
							description: 'Percentage of the stream’s visitors it gets',
						},
						{
							displayName: 'State',
							name: 'state',
							type: 'options',
							default: 'active',
							options: mode === 'update' ? [...states, REMOVE] : states,
						},
					],
				},
			],
		},
	};
}

/** What a Keitaro admin sets on a stream (flow): `StreamObject`. */
export const streamFields: BodyField[] = [
	{ key: 'name', required: true, field: { ...nameField, placeholder: 'AU mobile' } },
	{
		key: 'type',
		required: true,
		field: {
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'regular',
			options: [
				{
					name: 'Default',
					value: 'default',
					description: 'Takes the visitors no other stream took',
				},
				{
					name: 'Forced',
					value: 'forced',
					description: 'Checked before the regular streams, e.g. to catch bots',
				},
				{ name: 'Regular', value: 'regular', description: 'Checked in order of position' },
			],
		},
	},
	{
		key: 'schema',
		required: true,
		field: {
			displayName: 'Schema',
			name: 'schema',
			type: 'options',
			default: 'redirect',
			options: [
				{ name: 'Action', value: 'action', description: 'Show text or HTML, or do nothing' },
				{
					name: 'Landing Pages and Offers',
					value: 'landings',
					description: 'Send visitors to landing pages, then to offers',
				},
				{ name: 'Redirect', value: 'redirect', description: 'Send visitors to a URL or offers' },
			],
		},
	},
	{ key: 'action_type', required: true, field: actionTypeField },
	{
		key: 'action_payload',
		field: {
			...actionPayloadField,
			placeholder: 'https://example.com/?sub={subid}',
			description: 'What the action needs: the redirect URL, the text or HTML, or a campaign ID',
		},
	},
	{
		key: 'collect_clicks',
		field: {
			displayName: 'Collect Clicks',
			name: 'collectClicks',
			type: 'boolean',
			default: true,
			description:
				'Whether the stream records clicks. Keitaro’s own default is off; Create sends on unless set here.',
		},
	},
	{
		key: 'comments',
		field: { displayName: 'Comments', name: 'comments', type: 'string', default: '' },
	},
	{
		key: 'filter_or',
		field: {
			displayName: 'Filters Match',
			name: 'filterOr',
			type: 'options',
			default: false,
			options: [
				{ name: 'All Filters', value: false },
				{ name: 'Any Filter', value: true },
			],
		},
	},
	filtersField('create'),
	filtersField('update'),
	sharesField('landings', 'create'),
	sharesField('landings', 'update'),
	sharesField('offers', 'create'),
	sharesField('offers', 'update'),
	{
		key: 'position',
		field: {
			displayName: 'Position',
			name: 'position',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1 },
			description: 'Order among the campaign’s streams of its type',
		},
	},
	{
		key: 'weight',
		field: {
			displayName: 'Weight',
			name: 'weight',
			type: 'number',
			default: 100,
			typeOptions: { minValue: 0 },
			description: 'Share of visitors in a campaign that splits streams by weight',
		},
	},
];

/**
 * The campaign above a Stream locator: its streams fill the Stream list. Operations on one stream
 * do not need it (a stream ID is unique), so it may stay empty; the list then searches all
 * campaigns by name.
 */
export const streamCampaignLocator: INodeProperties = objectLocator(CAMPAIGN, {
	required: false,
	description:
		'The campaign whose streams the Stream list shows. Empty searches the streams of all campaigns by name.',
});

/** The stream and filter type the Filter operations work on. */
export const streamFilterTarget: INodeProperties[] = [
	streamCampaignLocator,
	objectLocator(STREAM),
	{ ...filterTypeField, required: true },
];
