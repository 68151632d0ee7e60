import type { INodeProperties } from 'n8n-workflow';

import type { KeitaroObject } from '../helpers/objects';

const ID_REGEX = '^[0-9]+$';

/** The name of an object's locator parameter, e.g. `campaignId`. */
export function locatorName(object: KeitaroObject): string {
	return `${object.resource}Id`;
}

/**
 * The resource locator of one Keitaro object: From List (searched by name), By ID, and By URL for
 * objects with a page of their own in Keitaro's admin panel.
 */
export function objectLocator(
	object: KeitaroObject,
	overrides: Partial<INodeProperties> = {},
): INodeProperties {
	const adminPage = object.adminPage;
	return {
		displayName: object.displayName,
		name: locatorName(object),
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: object.searchMethod, searchable: true },
			},
			...(adminPage
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: adminPage.url('https://tracker.example.com', 12),
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: adminPage.regex,
										errorMessage: `Not a link to a ${object.displayName.toLowerCase()} in Keitaro’s admin panel`,
									},
								},
							],
							extractValue: { type: 'regex' as const, regex: adminPage.regex },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '12',
				validation: [
					{
						type: 'regex',
						properties: { regex: ID_REGEX, errorMessage: 'Keitaro IDs are whole numbers' },
					},
				],
			},
		],
		...overrides,
	};
}
