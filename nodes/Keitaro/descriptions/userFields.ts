import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFieldsCollection,
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
	timeoutOption,
} from './options';

export const userIdField: INodeProperties = {
	displayName: 'User ID',
	name: 'userId',
	type: 'number',
	default: 0,
	required: true,
	description: 'The user’s ID in Keitaro (Maintenance → Users)',
};

const loginField: INodeProperties = {
	displayName: 'Login',
	name: 'login',
	type: 'string',
	default: '',
};

const passwordField: INodeProperties = {
	displayName: 'Password',
	name: 'password',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description: 'Sent as the new password and its confirmation; never shown in the output',
};

const typeField: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	default: 'USER',
	options: [
		{ name: 'Admin', value: 'ADMIN', description: 'Full access to the tracker' },
		{ name: 'User', value: 'USER', description: 'Access as set with Update Access' },
	],
};

const languageField: INodeProperties = {
	displayName: 'Language',
	name: 'language',
	type: 'options',
	default: 'en',
	options: [
		{ name: 'English', value: 'en' },
		{ name: 'Russian', value: 'ru' },
	],
};

const timeZoneField: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timezone',
	type: 'string',
	default: '',
	placeholder: 'Europe/Berlin',
	description: 'The user’s time zone in Keitaro’s reports (an IANA name)',
};

/** Create: login, password and type, then the preferences under Additional Fields. */
export const createUserFields: INodeProperties[] = [
	{ ...loginField, required: true },
	{ ...passwordField, required: true },
	typeField,
	additionalFieldsCollection(languageField, timeZoneField),
];

/** Update: only the fields added are sent. */
export const updateUserFields: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here are sent; Keitaro keeps the others',
		options: [languageField, loginField, passwordField, timeZoneField, typeField],
	},
];

/** Keitaro's access levels for one kind of object (`UserAccessData`). */
const ACCESS_LEVELS = [
	{ name: 'Full Access', value: 'full_access' },
	{
		name: 'Own Groups and Selected',
		value: 'created_by_user_groups_and_selected',
		description: 'Objects in groups the user created, and those chosen for them',
	},
	{ name: 'Read Only', value: 'read_only' },
	{
		name: 'Selected Groups and Objects',
		value: 'to_groups_and_selected',
		description: 'Objects in the groups and the objects chosen for the user',
	},
];

/** The kinds of objects access is set for, and Keitaro's key for each. */
export const ACCESS_KINDS: Array<[name: string, key: string]> = [
	['affiliateNetworks', 'affiliate_networks_access_type'],
	['campaigns', 'campaigns_access_type'],
	['domains', 'domains_access_type'],
	['flows', 'streams_access_type'],
	['landingPages', 'landings_access_type'],
	['offers', 'offers_access_type'],
	['trafficSources', 'traffic_sources_access_type'],
];

const ACCESS_NAMES: Record<string, string> = {
	affiliateNetworks: 'Affiliate Networks',
	campaigns: 'Campaigns',
	domains: 'Domains',
	flows: 'Flows',
	landingPages: 'Landing Pages',
	offers: 'Offers',
	trafficSources: 'Traffic Sources',
};

export const accessFields: INodeProperties[] = [
	{
		displayName: 'Access',
		name: 'access',
		type: 'collection',
		placeholder: 'Add Object Type',
		default: {},
		description:
			'What the user may do with each kind of object; the kinds not added keep their access',
		options: ACCESS_KINDS.map(([name]) => ({
			displayName: ACCESS_NAMES[name],
			name,
			type: 'options',
			default: 'read_only',
			options: ACCESS_LEVELS,
		})),
	},
	additionalFieldsCollection(
		{
			displayName: 'Reports',
			name: 'reports',
			type: 'string',
			default: '',
			placeholder: 'campaigns, conversions',
			description: 'The reports the user may open, comma-separated; replaces the current list',
		},
		{
			displayName: 'Resources',
			name: 'resources',
			type: 'string',
			default: '',
			placeholder: 'campaigns, offers, reports',
			description: 'The sections the user may open, comma-separated; replaces the current list',
		},
	),
];

/** The Options of every user operation that works on one user. */
export const userOptionsField = optionsCollection(
	concurrencyOption,
	requestDetailsOption,
	timeoutOption,
);
