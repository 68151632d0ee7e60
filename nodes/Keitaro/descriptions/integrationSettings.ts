import type { INodeProperties } from 'n8n-workflow';

/**
 * The tracker settings the Admin API has: third-party integrations that hold one value each
 * (docs/keitaro.md §2.12; no other settings endpoint exists, §2.13).
 */
export const INTEGRATION_SETTINGS = {
	avscan: { path: '/integrations/avscan', key: 'avscan_key', field: 'avscanKey' },
	imklo: { path: '/integrations/imklo', key: 'imklo_api_url', field: 'imkloApiUrl' },
} as const;

export type IntegrationSetting = keyof typeof INTEGRATION_SETTINGS;

export const integrationSettingField: INodeProperties = {
	displayName: 'Setting',
	name: 'setting',
	type: 'options',
	default: 'avscan',
	options: [
		{
			name: 'AVScan Key',
			value: 'avscan',
			description: 'The key of AVScan, the service that checks landing pages and offers',
		},
		{
			name: 'IMKLO API URL',
			value: 'imklo',
			description: 'The address of the IMKLO bot-filtering API',
		},
	],
};
