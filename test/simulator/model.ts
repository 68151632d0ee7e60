/** Column catalogues of the clicks and conversions logs, computed from the simulator's state. */
import type { GridDefinition } from './grid';
import type { Click, Conversion, SimulatorState } from './state';
import { money, SUB_ID_COUNT } from './state';

function subIdColumns<T>(
	get: (item: T, key: string) => string,
): Record<string, (item: T) => unknown> {
	const columns: Record<string, (item: T) => unknown> = {};
	for (let n = 1; n <= SUB_ID_COUNT; n++)
		columns[`sub_id_${n}`] = (item) => get(item, `sub_id_${n}`);
	return columns;
}

function clickDimensions(state: SimulatorState): Record<string, (click: Click) => unknown> {
	const campaign = (c: Click) => state.campaigns.find((x) => x.id === c.campaign_id);
	const offer = (c: Click) => state.offers.find((x) => x.id === c.offer_id);
	return {
		sub_id: (c) => c.sub_id,
		visitor_code: (c) => c.visitor_code,
		campaign_id: (c) => c.campaign_id,
		campaign: (c) => campaign(c)?.name ?? '',
		campaign_group_id: (c) => campaign(c)?.group_id ?? 0,
		stream_id: (c) => c.stream_id,
		offer_id: (c) => c.offer_id,
		offer: (c) => offer(c)?.name ?? '',
		affiliate_network_id: (c) => offer(c)?.affiliate_network_id ?? 0,
		landing_id: (c) => c.landing_id,
		ts_id: (c) => c.ts_id,
		ip: (c) => c.ip,
		country_code: (c) => c.country_code,
		country: (c) => c.country,
		city: (c) => c.city,
		os: (c) => c.os,
		browser: (c) => c.browser,
		device_type: (c) => c.device_type,
		user_agent: (c) => c.user_agent,
		referrer: (c) => c.referrer,
		keyword: (c) => c.keyword,
		source: (c) => c.source,
		external_id: (c) => c.external_id,
		creative_id: (c) => c.creative_id,
		ad_campaign_id: (c) => c.ad_campaign_id,
	};
}

export function clickGrid(state: SimulatorState): GridDefinition<Click> {
	const conversions = (c: Click) => state.conversionsBySubId.get(c.sub_id) ?? [];
	const revenueOf = (c: Click, statuses: string[]) =>
		conversions(c)
			.filter((x) => statuses.includes(x.status))
			.reduce((sum, x) => sum + x.revenue, 0);
	return {
		dateColumn: 'datetime',
		indexes: {
			sub_id: (value) => (state.clicksBySubId.has(value) ? [state.clicksBySubId.get(value)!] : []),
		},
		columns: {
			click_id: (c) => c.click_id,
			datetime: (c) => c.datetime,
			...clickDimensions(state),
			cost: (c) => money(c.cost),
			revenue: (c) => money(revenueOf(c, ['sale', 'rebill'])),
			profit: (c) => money(revenueOf(c, ['sale', 'rebill']) - c.cost),
			is_unique_campaign: (c) => (c.is_unique_campaign ? 1 : 0),
			is_bot: (c) => (c.is_bot ? 1 : 0),
			is_lead: (c) => (conversions(c).some((x) => x.status === 'lead') ? 1 : 0),
			is_sale: (c) =>
				conversions(c).some((x) => x.status === 'sale' || x.status === 'rebill') ? 1 : 0,
			is_rejected: (c) => (conversions(c).some((x) => x.status === 'rejected') ? 1 : 0),
			lead_revenue: (c) => money(revenueOf(c, ['lead'])),
			sale_revenue: (c) => money(revenueOf(c, ['sale', 'rebill'])),
			rejected_revenue: (c) => money(revenueOf(c, ['rejected'])),
			rebills: (c) => conversions(c).filter((x) => x.status === 'rebill').length,
			...subIdColumns<Click>((c, key) => c.sub_ids[key] ?? ''),
		},
	};
}

export function conversionGrid(state: SimulatorState): GridDefinition<Conversion> {
	const click = (x: Conversion) => state.clicksBySubId.get(x.sub_id)!;
	const dims = clickDimensions(state);
	const inherited: Record<string, (x: Conversion) => unknown> = {};
	for (const [name, get] of Object.entries(dims)) inherited[name] = (x) => get(click(x));
	const byId = new Map<number, Conversion>();
	return {
		dateColumn: 'postback_datetime',
		indexes: {
			sub_id: (value) => state.conversionsBySubId.get(value) ?? [],
			conversion_id: (value) => {
				if (byId.size !== state.conversions.length) {
					byId.clear();
					for (const x of state.conversions) byId.set(x.conversion_id, x);
				}
				const found = byId.get(Number(value));
				return found ? [found] : [];
			},
		},
		columns: {
			conversion_id: (x) => x.conversion_id,
			...inherited,
			tid: (x) => x.tid,
			status: (x) => x.status,
			previous_status: (x) => x.previous_status,
			original_status: (x) => x.original_status,
			revenue: (x) => money(x.revenue),
			cost: (x) => money(x.cost),
			profit: (x) => money(x.revenue - x.cost),
			postback_datetime: (x) => x.postback_datetime,
			click_datetime: (x) => click(x).datetime,
			sale_datetime: (x) => x.sale_datetime,
			sale_period: (x) =>
				x.sale_datetime
					? Math.round(
							(Date.parse(x.sale_datetime + 'Z') - Date.parse(click(x).datetime + 'Z')) / 1000,
						)
					: 0,
			params: (x) => x.params,
			...subIdColumns<Conversion>((x, key) => x.sub_ids[key] ?? click(x).sub_ids[key] ?? ''),
		},
	};
}
