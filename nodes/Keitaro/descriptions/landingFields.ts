import { groupIdAsString } from '../helpers/objectInput';
import type { BodyField } from './objectFields';
import { actionPayloadField, groupField, nameField, notesField } from './objectFields';

/** What a Keitaro admin sets on a landing page (`LandingRequest`). */
export const landingFields: BodyField[] = [
	{ key: 'name', required: true, field: { ...nameField, placeholder: 'Keto quiz' } },
	{
		key: 'action_payload',
		field: {
			...actionPayloadField,
			typeOptions: { rows: 3 },
			description: 'The text or HTML a "Show Text" or "Show HTML" landing page shows',
		},
	},
	{
		key: 'action_type',
		field: {
			displayName: 'Action Type',
			name: 'actionType',
			type: 'options',
			default: 'http',
			options: [
				{ name: '404 Not Found', value: 'status404' },
				{ name: 'CURL (Load the Page on the Tracker)', value: 'curl' },
				{ name: 'HTTP Redirect', value: 'http' },
				{ name: 'Local File', value: 'local_file' },
				{ name: 'Show HTML', value: 'show_html' },
				{ name: 'Show Text', value: 'show_text' },
			],
			description: 'How Keitaro shows the landing page',
		},
	},
	{ key: 'group_id', field: groupField, toKeitaro: groupIdAsString },
	{
		key: 'landing_type',
		field: {
			displayName: 'Landing Page Type',
			name: 'landingType',
			type: 'options',
			default: 'external',
			options: [
				{ name: 'Action', value: 'action', description: 'Keitaro acts (shows text, HTML…)' },
				{ name: 'External', value: 'external', description: 'A page on another server (URL)' },
				{ name: 'Local', value: 'local', description: 'Files uploaded to the tracker' },
				{ name: 'Preloaded', value: 'preloaded', description: 'A page Keitaro copies and serves' },
			],
		},
	},
	{ key: 'notes', field: notesField },
	{
		key: 'url',
		field: {
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://lp.example.com/?sub={subid}',
			description: 'Address of an external or preloaded landing page; macros like {subid} work',
		},
	},
];
