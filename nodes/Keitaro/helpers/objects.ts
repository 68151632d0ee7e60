import type { IDataObject } from 'n8n-workflow';

import type { ApiResponse, KeitaroContext } from '../transport';
import { keitaroApiRequest, keitaroApiRequestAllItems } from '../transport';

/**
 * The tracker objects the node manages, each described once: where Keitaro keeps it, what the
 * node calls it, and what Simplify keeps. Locators, searches, option lists and the shared
 * operations read these.
 */
export interface KeitaroObject {
	/** the node's resource value */
	resource: string;
	/** the field label and the name in messages ("Campaign ID ... is not a number") */
	displayName: string;
	/** path of the list below /admin_api/v1; the object is `${path}/{id}` */
	path: string;
	/** whether the list pages with offset/limit (only GET /campaigns does, docs/keitaro.md §6) */
	paged: boolean;
	/** fields Simplify keeps; empty when the records are small anyway */
	simplify: string[];
	/** the listSearch method of its resource locator */
	searchMethod: string;
	/** the object's page in Keitaro's admin panel, where it has one */
	adminPage?: { regex: string; url(trackerUrl: string, id: string | number): string };
	/** Keitaro's group type (GET /groups?type=) for objects that sit in groups */
	groupType?: 'campaigns' | 'offers' | 'landings';
}

export const CAMPAIGN: KeitaroObject = {
	resource: 'campaign',
	displayName: 'Campaign',
	path: '/campaigns',
	paged: true,
	simplify: [
		'id',
		'name',
		'alias',
		'state',
		'type',
		'group_id',
		'traffic_source_id',
		'cost_type',
		'cost_value',
		'cost_currency',
		'updated_at',
	],
	searchMethod: 'searchCampaigns',
	adminPage: {
		regex: 'https?://.+/admin/?#!/campaigns/([0-9]+)',
		url: (trackerUrl, id) => `${trackerUrl}/admin/#!/campaigns/${id}`,
	},
	groupType: 'campaigns',
};

export const STREAM: KeitaroObject = {
	resource: 'stream',
	displayName: 'Stream',
	path: '/streams',
	paged: false,
	simplify: [
		'id',
		'campaign_id',
		'name',
		'type',
		'schema',
		'state',
		'position',
		'weight',
		'action_type',
		'action_payload',
	],
	searchMethod: 'searchStreams',
};

export const LANDING: KeitaroObject = {
	resource: 'landing',
	displayName: 'Landing Page',
	path: '/landing_pages',
	paged: false,
	simplify: ['id', 'name', 'state', 'landing_type', 'action_type', 'action_payload', 'group_id'],
	searchMethod: 'searchLandings',
	groupType: 'landings',
};

export const OFFER: KeitaroObject = {
	resource: 'offer',
	displayName: 'Offer',
	path: '/offers',
	paged: false,
	simplify: [
		'id',
		'name',
		'state',
		'group_id',
		'affiliate_network_id',
		'affiliate_network',
		'action_payload',
		'payout_value',
		'payout_currency',
		'payout_type',
		'payout_auto',
		'payout_upsell',
		'country',
	],
	searchMethod: 'searchOffers',
	groupType: 'offers',
};

export const TRAFFIC_SOURCE: KeitaroObject = {
	resource: 'trafficSource',
	displayName: 'Traffic Source',
	path: '/traffic_sources',
	paged: false,
	simplify: ['id', 'name', 'state', 'template_name', 'postback_url', 'postback_statuses'],
	searchMethod: 'searchTrafficSources',
};

export const AFFILIATE_NETWORK: KeitaroObject = {
	resource: 'affiliateNetwork',
	displayName: 'Affiliate Network',
	path: '/affiliate_networks',
	paged: false,
	simplify: ['id', 'name', 'state', 'template_name', 'offer_param', 'offers'],
	searchMethod: 'searchAffiliateNetworks',
};

export const DOMAIN: KeitaroObject = {
	resource: 'domain',
	displayName: 'Domain',
	path: '/domains',
	paged: false,
	simplify: ['id', 'name', 'state', 'network_status', 'default_campaign', 'ssl_redirect'],
	searchMethod: 'searchDomains',
};

export const GROUP: KeitaroObject = {
	resource: 'group',
	displayName: 'Group',
	path: '/groups',
	paged: false,
	simplify: [],
	searchMethod: 'searchGroups',
};

/**
 * Every record of a Keitaro list, or the first `limit`. GET /campaigns pages with offset/limit;
 * the other lists have no paging and come whole, so the limit is applied here.
 */
export async function listObjects(
	this: KeitaroContext,
	path: string,
	options: { paged?: boolean; qs?: IDataObject; limit?: number } = {},
): Promise<ApiResponse<IDataObject[]>> {
	const request = { method: 'GET' as const, path, qs: options.qs };
	if (options.paged) return await keitaroApiRequestAllItems.call(this, request, options.limit);
	const response = (await keitaroApiRequest.call(this, request)) as ApiResponse<unknown>;
	const rows = Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
	return {
		data: options.limit === undefined ? rows : rows.slice(0, options.limit),
		request: response.request,
	};
}

/** `record` with only the fields people read (the Simplify option). */
export function simplify(record: IDataObject, fields: string[]): IDataObject {
	if (!fields.length) return record;
	const out: IDataObject = {};
	for (const field of fields) if (field in record) out[field] = record[field];
	return out;
}
