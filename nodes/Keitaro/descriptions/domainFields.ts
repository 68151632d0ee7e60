import { idAsNumber } from '../helpers/objectInput';
import type { BodyField } from './objectFields';
import { nameField, notesField } from './objectFields';

/** What a Keitaro admin sets on a domain; Keitaro's create and update take different fields. */
export const domainFields: BodyField[] = [
	{
		key: 'name',
		required: true,
		field: {
			...nameField,
			displayName: 'Domain',
			placeholder: 'go.example.com',
			description: 'The host name; its DNS must point to the tracker',
		},
	},
	{
		key: 'allow_indexing',
		only: 'create',
		field: {
			displayName: 'Allow Indexing',
			name: 'allowIndexing',
			type: 'boolean',
			default: true,
			description: 'Whether search engines may index the domain',
		},
	},
	{
		key: 'catch_not_found',
		field: {
			displayName: 'Catch Not Found',
			name: 'catchNotFound',
			type: 'boolean',
			default: false,
			description: 'Whether visits to unknown paths go to the default campaign instead of a 404',
		},
	},
	{
		key: 'default_campaign_id',
		field: {
			displayName: 'Default Campaign Name or ID',
			name: 'defaultCampaignId',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getCampaigns' },
			description:
				'The campaign that runs on the bare domain. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		toKeitaro: idAsNumber('Default Campaign'),
	},
	{
		key: 'is_ssl',
		only: 'update',
		field: {
			displayName: 'HTTPS',
			name: 'isSsl',
			type: 'boolean',
			default: true,
			description: 'Whether the domain is served over HTTPS',
		},
	},
	{ key: 'notes', field: notesField },
	{
		key: 'ssl_redirect',
		only: 'create',
		field: {
			displayName: 'Redirect to HTTPS',
			name: 'sslRedirect',
			type: 'boolean',
			default: false,
			description: 'Whether browsers are sent from HTTP to HTTPS',
		},
	},
];
