import type { INodeProperties } from 'n8n-workflow';

/** Keitaro's logs (GET/DELETE /logs/{type}; the spec's enum). */
export const logTypeField: INodeProperties = {
	displayName: 'Log',
	name: 'logType',
	type: 'options',
	default: 'postbacks',
	options: [
		{
			name: 'Received Postbacks',
			value: 'postbacks',
			description: 'Postbacks from affiliate networks, and why Keitaro applied or ignored each',
		},
		{
			name: 'Sent Postbacks',
			value: 'sent_postbacks',
			description: 'S2S postbacks Keitaro sent to traffic sources',
		},
		{ name: 'SSL', value: 'ssl', description: 'Certificate requests and renewals' },
		{ name: 'System', value: 'system', description: 'Errors and warnings of the tracker' },
		{
			name: 'Traffic',
			value: 'traffic',
			description: 'How filters routed each click (when traffic logging is on)',
		},
	],
};
