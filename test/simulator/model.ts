/** Column catalogues of the clicks and conversions logs and of reports, computed from the simulator's state. */
import type { GridDefinition, ReportDefinition } from './grid';
import { inTimeZone } from './grid';
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

/** Click attributes the simulator keeps in `details` (Keitaro derives them from the visit). */
const DETAIL_COLUMNS = [
	'browser_version',
	'connection_type',
	'device_model',
	'isp',
	'language',
	'operator',
	'os_version',
	'region',
	'search_engine',
	...Array.from({ length: 10 }, (_, n) => `extra_param_${n + 1}`),
];

/** A click's attributes: columns of the clicks log, of each conversion's row, and report dimensions. */
export function clickDimensions(state: SimulatorState): Record<string, (click: Click) => unknown> {
	const campaign = (c: Click) => state.campaigns.find((x) => x.id === c.campaign_id);
	const offer = (c: Click) => state.offers.find((x) => x.id === c.offer_id);
	const details: Record<string, (click: Click) => unknown> = {};
	for (const name of DETAIL_COLUMNS) details[name] = (c) => c.details?.[name] ?? '';
	return {
		sub_id: (c) => c.sub_id,
		visitor_code: (c) => c.visitor_code,
		campaign_id: (c) => c.campaign_id,
		campaign: (c) => campaign(c)?.name ?? '',
		campaign_group_id: (c) => campaign(c)?.group_id ?? 0,
		campaign_group: (c) => state.groups.find((g) => g.id === campaign(c)?.group_id)?.name ?? '',
		stream_id: (c) => c.stream_id,
		stream: (c) => (c.stream_id ? `Flow ${c.stream_id}` : ''),
		offer_id: (c) => c.offer_id,
		offer: (c) => offer(c)?.name ?? '',
		affiliate_network_id: (c) => offer(c)?.affiliate_network_id ?? 0,
		affiliate_network: (c) => offer(c)?.affiliate_network ?? '',
		landing_id: (c) => c.landing_id,
		landing: (c) => (c.landing_id ? `Landing ${c.landing_id}` : ''),
		ts_id: (c) => c.ts_id,
		ts: (c) => (c.ts_id ? `Source ${c.ts_id}` : ''),
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
		...details,
		...subIdColumns<Click>((c, key) => c.sub_ids[key] ?? ''),
	};
}

/** Flags of a click (0/1), columns of the clicks log and report dimensions. */
export function clickFlags(state: SimulatorState): Record<string, (click: Click) => number> {
	const conversions = (c: Click) => state.conversionsBySubId.get(c.sub_id) ?? [];
	const flag = (value: boolean) => (value ? 1 : 0);
	return {
		is_unique_campaign: (c) => flag(c.is_unique_campaign),
		// the simulator has one flow per campaign: unique in the campaign is unique in the flow
		is_unique_stream: (c) => flag(c.is_unique_campaign),
		is_bot: (c) => flag(c.is_bot),
		is_using_proxy: (c) => flag(c.details?.is_using_proxy === '1'),
		is_lead: (c) => flag(conversions(c).some((x) => x.status === 'lead')),
		is_sale: (c) => flag(conversions(c).some((x) => x.status === 'sale' || x.status === 'rebill')),
		is_rejected: (c) => flag(conversions(c).some((x) => x.status === 'rejected')),
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
			...clickFlags(state),
			cost: (c) => money(c.cost),
			revenue: (c) => money(revenueOf(c, ['sale', 'rebill'])),
			profit: (c) => money(revenueOf(c, ['sale', 'rebill']) - c.cost),
			lead_revenue: (c) => money(revenueOf(c, ['lead'])),
			sale_revenue: (c) => money(revenueOf(c, ['sale', 'rebill'])),
			rejected_revenue: (c) => money(revenueOf(c, ['rejected'])),
			rebills: (c) => conversions(c).filter((x) => x.status === 'rebill').length,
			landing_clicked: (c) => (c.details?.landing_clicked === '1' ? 1 : 0),
			destination: (c) => c.details?.destination ?? '',
			parent_campaign_id: () => 0,
			parent_campaign: () => '',
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
			profitability: (x) => (x.revenue ? ((x.revenue - x.cost) / x.revenue) * 100 : 0).toFixed(2),
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
			// a postback's sub_id_N overrides the click's for this conversion
			...subIdColumns<Conversion>((x, key) => x.sub_ids[key] ?? click(x).sub_ids[key] ?? ''),
		},
	};
}

/** Time columns of a report, read in the report's time zone. */
function timeDimensions(timeZone: string): Record<string, (click: Click) => unknown> {
	const local = (c: Click) => inTimeZone(c.datetime, timeZone);
	const weekday = (c: Click) => new Date(local(c).slice(0, 10) + 'T00:00:00Z').getUTCDay();
	return {
		datetime: local,
		year: (c) => Number(local(c).slice(0, 4)),
		month: (c) => local(c).slice(0, 7),
		// ISO week start (Monday) as the week's name
		week: (c) => {
			const day = new Date(local(c).slice(0, 10) + 'T00:00:00Z');
			day.setUTCDate(day.getUTCDate() - ((weekday(c) + 6) % 7));
			return day.toISOString().slice(0, 10);
		},
		weekday: (c) => (weekday(c) + 6) % 7,
		day: (c) => local(c).slice(0, 10),
		hour: (c) => Number(local(c).slice(11, 13)),
		day_hour: (c) => local(c).slice(0, 13) + ':00',
	};
}

const ratio = (part: number, whole: number, scale = 1) =>
	(whole ? (part / whole) * scale : 0).toFixed(2);

/**
 * The report grid over clicks (report by click date): Keitaro's dimensions and metrics. Counts
 * come as numbers, money and rates as strings, like Keitaro sends them (docs/keitaro.md §5.5). The
 * formulas follow Keitaro's help texts; the simulator is the model, not the reference.
 */
export function reportGrid(state: SimulatorState): ReportDefinition<Click> {
	const conversions = (clicks: Click[], statuses: string[]) =>
		clicks
			.flatMap((c) => state.conversionsBySubId.get(c.sub_id) ?? [])
			.filter((x) => statuses.includes(x.status));
	const count = (clicks: Click[], statuses: string[]) => conversions(clicks, statuses).length;
	const revenue = (clicks: Click[], statuses: string[]) =>
		conversions(clicks, statuses).reduce((sum, x) => sum + x.revenue, 0);
	const cost = (clicks: Click[]) => clicks.reduce((sum, c) => sum + c.cost, 0);
	const uniques = (clicks: Click[]) => clicks.filter((c) => c.is_unique_campaign).length;
	const SALES = ['sale', 'rebill'];
	const ALL = ['lead', 'sale', 'rebill', 'rejected'];
	const income = (c: Click[]) => revenue(c, ['lead', ...SALES]);
	const measures: Record<string, (clicks: Click[]) => unknown> = {
		clicks: (c) => c.length,
		campaign_unique_clicks: uniques,
		stream_unique_clicks: uniques,
		global_unique_clicks: uniques,
		uc_campaign_rate: (c) => ratio(uniques(c), c.length, 100),
		uc_stream_rate: (c) => ratio(uniques(c), c.length, 100),
		uc_global_rate: (c) => ratio(uniques(c), c.length, 100),
		bots: (c) => c.filter((x) => x.is_bot).length,
		bot_share: (c) => ratio(c.filter((x) => x.is_bot).length, c.length, 100),
		proxies: (c) => c.filter((x) => x.details?.is_using_proxy === '1').length,
		empty_referrers: (c) => c.filter((x) => !x.referrer).length,
		conversions: (c) => count(c, ALL),
		leads: (c) => count(c, ['lead']),
		sales: (c) => count(c, SALES),
		rejected: (c) => count(c, ['rejected']),
		rebills: (c) => count(c, ['rebill']),
		approve: (c) => ratio(count(c, SALES), count(c, ALL), 100),
		lp_clicks: (c) => c.filter((x) => x.details?.landing_clicked === '1').length,
		lp_ctr: (c) => ratio(c.filter((x) => x.details?.landing_clicked === '1').length, c.length, 100),
		landing_clicked_period: () => 0,
		cr: (c) => ratio(count(c, ALL), c.length, 100),
		crs: (c) => ratio(count(c, SALES), c.length, 100),
		crl: (c) => ratio(count(c, ['lead']), c.length, 100),
		roi: (c) => ratio(income(c) - cost(c), cost(c), 100),
		roi_confirmed: (c) => ratio(revenue(c, SALES) - cost(c), cost(c), 100),
		epc: (c) => ratio(income(c), c.length),
		epc_confirmed: (c) => ratio(revenue(c, SALES), c.length),
		cps: (c) => ratio(cost(c), count(c, SALES)),
		cpa: (c) => ratio(cost(c), count(c, ALL)),
		cpc: (c) => ratio(cost(c), c.length),
		ecpc: (c) => ratio(cost(c), uniques(c)),
		ecpm: (c) => ratio(income(c), c.length, 1000),
		ecpm_confirmed: (c) => ratio(revenue(c, SALES), c.length, 1000),
		ec: (c) => ratio(income(c), count(c, ALL)),
		ec_confirmed: (c) => ratio(revenue(c, SALES), count(c, SALES)),
		profitability: (c) => ratio(income(c) - cost(c), income(c), 100),
		cost: (c) => money(cost(c)),
		revenue: (c) => money(income(c)),
		profit: (c) => money(income(c) - cost(c)),
		lead_revenue: (c) => money(revenue(c, ['lead'])),
		sale_revenue: (c) => money(revenue(c, SALES)),
		rejected_revenue: (c) => money(revenue(c, ['rejected'])),
		profit_confirmed: (c) => money(revenue(c, SALES) - cost(c)),
	};
	const attributes = clickDimensions(state);
	return {
		dimensions: (timeZone) => ({
			...attributes,
			...clickFlags(state),
			...timeDimensions(timeZone),
			destination: (c) => c.details?.destination ?? '',
			device_type_id: () => 0,
			language_id: () => 0,
			parent_campaign_id: () => 0,
			parent_campaign: () => '',
			landing_clicked_datetime: () => '',
			ip_mask1: (c) => c.ip.split('.').slice(0, 3).join('.') + '.*',
			ip_mask2: (c) => c.ip.split('.').slice(0, 2).join('.') + '.*.*',
			label: () => '',
		}),
		measures,
		dateOf: (c) => c.datetime,
		labelOf: (c, column) =>
			state.labels.find(
				(l) =>
					l.campaign_id === c.campaign_id &&
					l.ref_name === column &&
					l.value === String(attributes[column]?.(c) ?? ''),
			)?.label ?? '',
	};
}
