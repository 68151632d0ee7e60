// Resource-locator "From list" searches (ILoadOptionsFunctions → INodeListSearchResult), one per object type.
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { KeitaroObject } from '../helpers/objects';
import {
	AFFILIATE_NETWORK,
	CAMPAIGN,
	DOMAIN,
	GROUP,
	LANDING,
	listObjects,
	OFFER,
	STREAM,
	TRAFFIC_SOURCE,
} from '../helpers/objects';
import { getConnection } from '../transport';

/** Keitaro's lists have no name search: the whole list is read and matched by name or ID here. */
async function search(
	this: ILoadOptionsFunctions,
	object: KeitaroObject,
	filter: string | undefined,
	list: { path?: string; qs?: IDataObject } = {},
): Promise<INodeListSearchResult> {
	const path = list.path ?? object.path;
	const { data } = await listObjects.call(this, path, {
		paged: object.paged && path === object.path,
		qs: list.qs,
	});
	const wanted = (filter ?? '').trim().toLowerCase();
	const matches = (row: IDataObject) =>
		!wanted ||
		String(row.name ?? '')
			.toLowerCase()
			.includes(wanted) ||
		String(row.id) === wanted;
	const trackerUrl = object.adminPage ? (await getConnection.call(this)).trackerUrl : '';
	return {
		results: data.filter(matches).map((row) => ({
			name: `${String(row.name ?? '')} (#${String(row.id)})`,
			value: String(row.id),
			url: object.adminPage?.url(trackerUrl, String(row.id)),
		})),
	};
}

export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string) {
	return await search.call(this, CAMPAIGN, filter);
}

/**
 * The streams of the campaign chosen above the Stream field; without one, Keitaro's stream search
 * over all campaigns (it needs a search text).
 */
export async function searchStreams(this: ILoadOptionsFunctions, filter?: string) {
	let campaignId = '';
	try {
		campaignId = String(this.getCurrentNodeParameter('campaignId', { extractValue: true }) ?? '');
	} catch {
		// an unfinished campaign URL: search all campaigns instead
	}
	if (/^[0-9]+$/.test(campaignId.trim()))
		return await search.call(this, STREAM, filter, {
			path: `/campaigns/${campaignId.trim()}/streams`,
		});
	if (!filter?.trim()) return { results: [] };
	// Keitaro has matched names and payloads already: no second match by name here
	return await search.call(this, STREAM, undefined, {
		path: '/streams/search',
		qs: { query: filter.trim() },
	});
}

export async function searchLandings(this: ILoadOptionsFunctions, filter?: string) {
	return await search.call(this, LANDING, filter);
}

export async function searchOffers(this: ILoadOptionsFunctions, filter?: string) {
	return await search.call(this, OFFER, filter);
}

export async function searchTrafficSources(this: ILoadOptionsFunctions, filter?: string) {
	return await search.call(this, TRAFFIC_SOURCE, filter);
}

export async function searchAffiliateNetworks(this: ILoadOptionsFunctions, filter?: string) {
	return await search.call(this, AFFILIATE_NETWORK, filter);
}

export async function searchDomains(this: ILoadOptionsFunctions, filter?: string) {
	return await search.call(this, DOMAIN, filter);
}

/** Groups of the type chosen in the Group Type field. */
export async function searchGroups(this: ILoadOptionsFunctions, filter?: string) {
	const type = String(this.getCurrentNodeParameter('groupType') ?? 'campaigns');
	return await search.call(this, GROUP, filter, { qs: { type } });
}
