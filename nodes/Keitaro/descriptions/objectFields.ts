import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * One value of a Keitaro create/update body, as an n8n field. Create and Update of a resource
 * share one list of these: Create shows the required ones as fields of their own and the rest under
 * "Additional Fields"; Update shows them all under "Update Fields" and sends only what is set.
 */
export interface BodyField {
	/** Keitaro's key in the request body */
	key: string;
	field: INodeProperties;
	/** Keitaro refuses a create without it */
	required?: boolean;
	/** where Keitaro's create and update schemas differ */
	only?: 'create' | 'update';
	/** the value Keitaro expects; throws InputError for one it would refuse */
	toKeitaro?: (value: unknown) => IDataObject[string];
}

export type BodyMode = 'create' | 'update';

export function fieldsFor(fields: BodyField[], mode: BodyMode): BodyField[] {
	return fields.filter((f) => !f.only || f.only === mode);
}

const byDisplayName = (a: INodeProperties, b: INodeProperties) =>
	a.displayName.localeCompare(b.displayName);

/** The n8n fields of a create or update body. */
export function bodyProperties(fields: BodyField[], mode: BodyMode): INodeProperties[] {
	const usable = fieldsFor(fields, mode);
	if (mode === 'update') {
		return [
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description: 'Only the fields added here are sent; Keitaro keeps the others',
				options: usable.map((f) => ({ ...f.field, required: false })).sort(byDisplayName),
			},
		];
	}
	const optional = usable.filter((f) => !f.required).map((f) => f.field);
	return [
		...usable.filter((f) => f.required).map((f) => ({ ...f.field, required: true })),
		...(optional.length
			? [
					{
						displayName: 'Additional Fields',
						name: 'additionalFields',
						type: 'collection' as const,
						placeholder: 'Add Field',
						default: {},
						options: optional.sort(byDisplayName),
					},
				]
			: []),
	];
}

/* Fields several resources share. */

export const nameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	default: '',
};

export const notesField: INodeProperties = {
	displayName: 'Notes',
	name: 'notes',
	type: 'string',
	default: '',
	typeOptions: { rows: 3 },
};

export const groupField: INodeProperties = {
	displayName: 'Group Name or ID',
	name: 'groupId',
	type: 'options',
	default: '',
	typeOptions: { loadOptionsMethod: 'getGroups' },
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** Keitaro's action types (GET /streams_actions): how streams and offers send the visitor on. */
export const actionTypeField: INodeProperties = {
	displayName: 'Action Type Name or ID',
	name: 'actionType',
	type: 'options',
	default: 'http',
	typeOptions: { loadOptionsMethod: 'getStreamActionTypes' },
	description:
		'How the visitor is sent on, e.g. HTTP redirect. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const actionPayloadField: INodeProperties = {
	displayName: 'Action Payload',
	name: 'actionPayload',
	type: 'string',
	default: '',
};

export const postbackUrlField: INodeProperties = {
	displayName: 'Postback URL',
	name: 'postbackUrl',
	type: 'string',
	default: '',
	placeholder: 'https://example.com/postback?clickid={external_id}&status={status}',
};

/** The URL parameters a campaign or traffic source takes from the ad platform (`SourceParameters`). */
export const PARAMETER_KEYS = [
	'keyword',
	'cost',
	'currency',
	'external_id',
	'creative_id',
	'ad_campaign_id',
	'source',
	...Array.from({ length: 15 }, (_, n) => `sub_id_${n + 1}`),
];

export const parametersField: INodeProperties = {
	displayName: 'Parameters',
	name: 'parameters',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	default: {},
	placeholder: 'Add Parameter',
	description:
		'Which URL parameter of the ad platform fills each Keitaro value, e.g. sub_id_1 ← utm_source',
	options: [
		{
			displayName: 'Parameter',
			name: 'parameter',
			values: [
				{
					displayName: 'Keitaro Value',
					name: 'key',
					type: 'options',
					default: 'sub_id_1',
					options: PARAMETER_KEYS.map((key) => ({ name: key, value: key })),
				},
				{
					displayName: 'URL Parameter',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'utm_source',
					description: 'Name of the parameter in the campaign URL',
				},
				{
					displayName: 'Placeholder',
					name: 'placeholder',
					type: 'string',
					default: '',
					placeholder: '{source}',
					description: 'The ad platform’s macro that fills the parameter',
				},
				{
					displayName: 'Alias',
					name: 'alias',
					type: 'string',
					default: '',
					description: 'Name shown in Keitaro’s reports instead of the Keitaro value',
				},
			],
		},
	],
};
