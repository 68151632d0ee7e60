// Option lists loaded from Keitaro (ILoadOptionsFunctions → INodePropertyOptions[]).
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { countryOptions, currencyOptions } from '../helpers/isoCodes';
import type { KeitaroObject } from '../helpers/objects';
import {
	AFFILIATE_NETWORK,
	CAMPAIGN,
	DOMAIN,
	LANDING,
	listObjects,
	OFFER,
	TRAFFIC_SOURCE,
} from '../helpers/objects';

async function objectOptions(
	this: ILoadOptionsFunctions,
	object: KeitaroObject,
	qs?: IDataObject,
): Promise<INodePropertyOptions[]> {
	const { data } = await listObjects.call(this, object.path, { paged: object.paged, qs });
	return data
		.map((row) => ({
			name: `${String(row.name ?? '')} (#${String(row.id)})`,
			value: Number(row.id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getCampaigns(this: ILoadOptionsFunctions) {
	return await objectOptions.call(this, CAMPAIGN);
}

export async function getDomains(this: ILoadOptionsFunctions) {
	return await objectOptions.call(this, DOMAIN);
}

export async function getTrafficSources(this: ILoadOptionsFunctions) {
	return await objectOptions.call(this, TRAFFIC_SOURCE);
}

export async function getAffiliateNetworks(this: ILoadOptionsFunctions) {
	return await objectOptions.call(this, AFFILIATE_NETWORK);
}

export async function getOffers(this: ILoadOptionsFunctions) {
	return await objectOptions.call(this, OFFER);
}

export async function getLandings(this: ILoadOptionsFunctions) {
	return await objectOptions.call(this, LANDING);
}

/** The groups that fit the node's resource: campaign groups for a campaign, and so on. */
export async function getGroups(this: ILoadOptionsFunctions) {
	const resource = String(this.getCurrentNodeParameter('resource') ?? '');
	const object = [CAMPAIGN, OFFER, LANDING].find((o) => o.resource === resource);
	if (!object?.groupType) return [];
	const { data } = await listObjects.call(this, '/groups', { qs: { type: object.groupType } });
	return data.map((row) => ({ name: String(row.name ?? ''), value: Number(row.id) }));
}

/** Keitaro's catalogue of stream actions (GET /streams_actions), also used for offers. */
export async function getStreamActionTypes(this: ILoadOptionsFunctions) {
	const { data } = await listObjects.call(this, '/streams_actions');
	return data.map((action) => ({
		name: String(action.name ?? action.key),
		value: String(action.key),
		description: String(action.description ?? ''),
	}));
}

/** Keitaro's catalogue of stream filters (GET /stream_filters). */
export async function getStreamFilterTypes(this: ILoadOptionsFunctions) {
	const { data } = await listObjects.call(this, '/stream_filters');
	return data
		.map((filter) => ({
			name: String(filter.value),
			value: String(filter.value),
			description: String(filter.tooltip ?? ''),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Not from Keitaro, which has no such list: ISO codes named by the runtime (helpers/isoCodes.ts). */
export async function getCountries(): Promise<INodePropertyOptions[]> {
	return countryOptions();
}

export async function getCurrencies(): Promise<INodePropertyOptions[]> {
	return currencyOptions();
}
