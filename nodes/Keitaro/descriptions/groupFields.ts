import type { INodeProperties } from 'n8n-workflow';

import type { BodyField } from './objectFields';
import { nameField } from './objectFields';

/** Keitaro keeps separate groups per kind of object; GET /groups needs the kind (docs/keitaro.md §8.10). */
export const groupTypeField: INodeProperties = {
	displayName: 'Group Type',
	name: 'groupType',
	type: 'options',
	default: 'campaigns',
	options: [
		{ name: 'Campaigns', value: 'campaigns' },
		{ name: 'Domains', value: 'domains' },
		{ name: 'Landing Pages', value: 'landings' },
		{ name: 'Offers', value: 'offers' },
	],
	description: 'Which kind of object the group holds',
};

export const groupFields: BodyField[] = [
	{ key: 'type', required: true, only: 'create', field: groupTypeField },
	{ key: 'name', required: true, field: { ...nameField, placeholder: 'Nutra' } },
];
