import type { INodeProperties } from 'n8n-workflow';

import { allowUndocumentedTransitionsOption } from './options';

/** The stored request an operation moves; by default the input item is the record. */
export const requestField: INodeProperties = {
	displayName: 'Request',
	name: 'request',
	type: 'json',
	default: '={{ $json }}',
	required: true,
	description:
		'The request record as stored (e.g. a row read from the Data Table). By default the input item itself.',
};

/** Who acts: kept in the record (decided_by) and checked against the requester (four-eyes). */
export function actorField(displayName: string, description: string): INodeProperties {
	return {
		displayName,
		name: 'actor',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'jane@example.com',
		description,
	};
}

/** The rules every check of a request applies (at Raise, Accept, Process, Retry). */
export const checkRuleOptions: INodeProperties[] = [
	allowUndocumentedTransitionsOption,
	{
		displayName: 'Lock Conversions Before',
		name: 'lockBefore',
		type: 'dateTime',
		default: '',
		description:
			'Conversions from before this moment count as paid and final: requests to change them are refused (ALREADY_FINAL)',
	},
	{
		displayName: 'Lock Conversions Older Than (Days)',
		name: 'lockOlderThanDays',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'Conversions older than this many days count as paid and final (ALREADY_FINAL). 0 locks nothing.',
	},
];
