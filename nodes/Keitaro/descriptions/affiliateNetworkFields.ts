import type { BodyField } from './objectFields';
import { nameField, notesField, postbackUrlField } from './objectFields';

/** What a Keitaro admin sets on an affiliate network (`AffiliateNetworkObject`). */
export const affiliateNetworkFields: BodyField[] = [
	{ key: 'name', required: true, field: { ...nameField, placeholder: 'AdCombo' } },
	{ key: 'notes', field: notesField },
	{
		key: 'offer_param',
		field: {
			displayName: 'Offer Parameters',
			name: 'offerParam',
			type: 'string',
			default: '',
			placeholder: 'sub1={subid}&sub2={campaign_name}',
			description: 'Appended to the URL of each of the network’s offers',
		},
	},
	{
		key: 'postback_url',
		field: {
			...postbackUrlField,
			description: 'The tracker’s postback URL to paste into the network',
		},
	},
];
