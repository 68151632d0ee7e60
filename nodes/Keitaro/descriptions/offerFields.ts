import { idAsNumber, splitList } from '../helpers/objectInput';
import type { BodyField } from './objectFields';
import { actionTypeField, groupField, nameField, notesField } from './objectFields';

/** What a Keitaro admin sets on an offer (`OfferRequest`). */
export const offerFields: BodyField[] = [
	{ key: 'name', required: true, field: { ...nameField, placeholder: 'Keto Max AU' } },
	{
		key: 'action_payload',
		field: {
			displayName: 'Offer URL',
			name: 'url',
			type: 'string',
			default: '',
			placeholder: 'https://network.example/click?offer=12&sub1={subid}',
			description: 'Where visitors go; put {subid} where the network expects the click ID',
		},
	},
	{ key: 'action_type', field: actionTypeField },
	{
		key: 'affiliate_network_id',
		field: {
			displayName: 'Affiliate Network Name or ID',
			name: 'affiliateNetworkId',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getAffiliateNetworks' },
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
		toKeitaro: idAsNumber('Affiliate Network'),
	},
	{
		key: 'alternative_offer_id',
		field: {
			displayName: 'Alternative Offer Name or ID',
			name: 'alternativeOfferId',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getOffers' },
			description:
				'Where visitors go once the daily cap is reached. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		toKeitaro: idAsNumber('Alternative Offer'),
	},
	{
		key: 'conversion_cap_enabled',
		field: {
			displayName: 'Conversion Cap',
			name: 'conversionCap',
			type: 'boolean',
			default: false,
			description: 'Whether the offer stops after Daily Cap conversions a day',
		},
	},
	{
		key: 'conversion_timezone',
		field: {
			displayName: 'Cap Time Zone',
			name: 'conversionTimezone',
			type: 'string',
			default: '',
			placeholder: 'Europe/Madrid',
			description: 'The time zone in which the network counts conversions for the cap',
		},
	},
	{
		key: 'country',
		field: {
			displayName: 'Country Names or IDs',
			name: 'country',
			type: 'multiOptions',
			default: [],
			typeOptions: { loadOptionsMethod: 'getCountries' },
			description:
				'Where the offer runs. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		toKeitaro: (value) => splitList(value).map((code) => code.toUpperCase()),
	},
	{
		key: 'daily_cap',
		field: {
			displayName: 'Daily Cap',
			name: 'dailyCap',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description: 'Conversions a day before traffic goes to the alternative offer',
		},
	},
	{ key: 'group_id', field: groupField, toKeitaro: idAsNumber('Group') },
	{ key: 'notes', field: notesField },
	{
		key: 'offer_type',
		field: {
			displayName: 'Offer Type',
			name: 'offerType',
			type: 'options',
			default: 'external',
			options: [
				{ name: 'Action', value: 'action' },
				{ name: 'External (URL)', value: 'external' },
				{ name: 'Local (Uploaded Files)', value: 'local' },
				{ name: 'Preloaded', value: 'preloaded' },
			],
		},
	},
	{
		key: 'payout_auto',
		field: {
			displayName: 'Payout From Postback',
			name: 'payoutAuto',
			type: 'boolean',
			default: false,
			description:
				'Whether the network’s postback sets the revenue. Off: Keitaro books Payout Value and ignores the postback’s payout.',
		},
	},
	{
		key: 'payout_currency',
		field: {
			displayName: 'Payout Currency Name or ID',
			name: 'payoutCurrency',
			type: 'options',
			default: '',
			typeOptions: { loadOptionsMethod: 'getCurrencies' },
			description:
				'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
	},
	{
		key: 'payout_type',
		field: {
			displayName: 'Payout Type',
			name: 'payoutType',
			type: 'options',
			default: 'CPA',
			options: [
				{ name: 'CPA (per Conversion)', value: 'CPA' },
				{ name: 'CPC (per Click)', value: 'CPC' },
			],
		},
	},
	{
		key: 'payout_upsell',
		field: {
			displayName: 'Allow Upsells',
			name: 'payoutUpsell',
			type: 'boolean',
			default: false,
			description: 'Whether further sales of the same click count (rebills, upsells)',
		},
	},
	{
		key: 'payout_value',
		field: {
			displayName: 'Payout Value',
			name: 'payoutValue',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 2 },
			description: 'What one conversion pays',
		},
	},
];
