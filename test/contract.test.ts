/* eslint-disable */
/**
 * The simulator speaks Keitaro's Admin API as Keitaro's OpenAPI spec describes it: every route it
 * serves exists in the spec with that method, and its JSON answers match the spec's response
 * schemas, with the documented patches of test/support/contract.ts (the same list the request check
 * of every test uses: test/support/contractSetup.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';

import { addUser, DEFAULT_API_KEY, KeitaroSimulator, seedDemo } from './simulator';
import { patchedSpec, SPEC_PATCHES, takeViolations } from './support/contract';
import { runKeitaro } from './support/keitaro';
import { loadKeitaroSpec } from './support/spec';
import { byId } from './support/traffic';

const spec = patchedSpec();

/** One request per route the simulator serves; the test fails when a route has none. */
const SAMPLES: Record<string, { path: string; query?: string; body?: unknown }> = {
	'GET /campaigns': { path: '/campaigns' },
	'GET /campaigns/{id}': { path: '/campaigns/1' },
	'GET /offers': { path: '/offers' },
	'GET /offers/{id}': { path: '/offers/1' },
	'GET /groups': { path: '/groups', query: '?type=campaigns' },
	'POST /clicks/log': { path: '/clicks/log', body: { range: { interval: 'all_time' }, limit: 5 } },
	'POST /conversions/log': {
		path: '/conversions/log',
		body: {
			range: { interval: 'all_time' },
			limit: 5,
			columns: ['conversion_id', 'status', 'revenue', 'params'],
		},
	},
	'GET /logs/{type}': { path: '/logs/postbacks', query: '?limit=5' },
	'DELETE /logs/{type}': { path: '/logs/system' },
	'POST /logs/types': { path: '/logs/types' },
	// traffic objects (seedTraffic); a sample may change what later samples see, in route order
	'GET /campaigns/deleted': { path: '/campaigns/deleted' },
	'POST /campaigns': { path: '/campaigns', body: { name: 'Contract', alias: 'contract1' } },
	'PUT /campaigns/{id}': { path: '/campaigns/1', body: { notes: 'checked' } },
	'DELETE /campaigns/{id}': { path: '/campaigns/2' },
	'POST /campaigns/{id}/clone': { path: '/campaigns/1/clone' },
	'POST /campaigns/{id}/disable': { path: '/campaigns/1/disable' },
	'POST /campaigns/{id}/enable': { path: '/campaigns/1/enable' },
	'POST /campaigns/{id}/restore': { path: '/campaigns/2/restore' },
	'GET /campaigns/{id}/streams': { path: '/campaigns/1/streams' },
	'POST /campaigns/{id}/update_costs': {
		path: '/campaigns/1/update_costs',
		body: {
			start_date: '2026-03-01 00:00',
			end_date: '2026-03-01 23:59',
			timezone: 'UTC',
			cost: '12.50',
			currency: 'USD',
		},
	},
	'POST /offers': { path: '/offers', body: { name: 'Contract offer', country: ['DE'] } },
	'PUT /offers/{id}': { path: '/offers/1', body: { notes: 'checked' } },
	'DELETE /offers/{id}/archive': { path: '/offers/2/archive' },
	'POST /offers/{id}/clone': { path: '/offers/1/clone' },
	'POST /offers/{id}/add_file': { path: '/offers/1/add_file', query: '?path=index.html' },
	'GET /offers/{id}/get_structure': { path: '/offers/1/get_structure' },
	'GET /offers/{id}/get_file': { path: '/offers/1/get_file', query: '?path=index.html' },
	'PUT /offers/{id}/update_file': {
		path: '/offers/1/update_file',
		query: '?path=index.html&data=%3Cp%3EHi%3C%2Fp%3E',
	},
	'DELETE /offers/{id}/remove_file': { path: '/offers/1/remove_file', query: '?path=index.html' },
	'POST /groups': { path: '/groups', body: { name: 'Contract', type: 'campaigns' } },
	'PUT /groups/{id}': { path: '/groups/1', body: { name: 'Nutra EU' } },
	'DELETE /groups/{id}/delete': { path: '/groups/2/delete' },
	'POST /streams': {
		path: '/streams',
		body: {
			campaign_id: 1,
			name: 'Contract',
			type: 'regular',
			schema: 'redirect',
			action_type: 'http',
			action_payload: 'https://example.com/',
			filters: [{ name: 'country', mode: 'accept', payload: ['DE'] }],
			offers: [{ offer_id: 1, share: 100 }],
		},
	},
	'GET /streams/deleted': { path: '/streams/deleted' },
	'GET /streams/search': { path: '/streams/search', query: '?query=AU' },
	'GET /streams/{id}': { path: '/streams/1' },
	'PUT /streams/{id}': { path: '/streams/1', body: { name: 'AU mobile 2' } },
	'DELETE /streams/{id}': { path: '/streams/2' },
	'POST /streams/{id}/disable': { path: '/streams/1/disable' },
	'POST /streams/{id}/enable': { path: '/streams/1/enable' },
	'POST /streams/{id}/restore': { path: '/streams/2/restore' },
	'GET /streams/{id}/events': { path: '/streams/1/events' },
	'GET /stream_types': { path: '/stream_types' },
	'GET /stream_schemas': { path: '/stream_schemas' },
	'GET /streams_actions': { path: '/streams_actions' },
	'GET /stream_filters': { path: '/stream_filters' },
	'GET /landing_pages': { path: '/landing_pages' },
	'GET /landing_pages/{id}': { path: '/landing_pages/1' },
	'POST /landing_pages': {
		path: '/landing_pages',
		body: { name: 'Contract', landing_type: 'external', url: 'https://lp.example/' },
	},
	'PUT /landing_pages/{id}': { path: '/landing_pages/1', body: { notes: 'checked' } },
	'DELETE /landing_pages/{id}': { path: '/landing_pages/2' },
	'PUT /landing_pages/{id}/clone': { path: '/landing_pages/1/clone' },
	'POST /landing_pages/{id}/add_file': {
		path: '/landing_pages/1/add_file',
		query: '?path=thanks.html',
	},
	'GET /landing_pages/{id}/get_structure': { path: '/landing_pages/1/get_structure' },
	'GET /landing_pages/{id}/get_file': {
		path: '/landing_pages/1/get_file',
		query: '?path=index.html',
	},
	'PUT /landing_pages/{id}/update_file': {
		path: '/landing_pages/1/update_file',
		query: '?path=thanks.html&data=Thanks',
	},
	'DELETE /landing_pages/{id}/remove_file': {
		path: '/landing_pages/1/remove_file',
		query: '?path=thanks.html',
	},
	'GET /traffic_sources': { path: '/traffic_sources' },
	'GET /traffic_sources/{id}': { path: '/traffic_sources/1' },
	'POST /traffic_sources': {
		path: '/traffic_sources',
		body: { name: 'Contract', postback_statuses: ['sale'] },
	},
	'PUT /traffic_sources/{id}': { path: '/traffic_sources/1', body: { notes: 'checked' } },
	'DELETE /traffic_sources/{id}': { path: '/traffic_sources/2' },
	'POST /traffic_sources/{id}/clone': { path: '/traffic_sources/1/clone' },
	'GET /affiliate_networks': { path: '/affiliate_networks' },
	'GET /affiliate_networks/{id}': { path: '/affiliate_networks/1' },
	'POST /affiliate_networks': { path: '/affiliate_networks', body: { name: 'Contract' } },
	'PUT /affiliate_networks/{id}': { path: '/affiliate_networks/1', body: { notes: 'checked' } },
	'DELETE /affiliate_networks/{id}': { path: '/affiliate_networks/2' },
	'POST /affiliate_networks/{id}/clone': { path: '/affiliate_networks/1/clone' },
	'GET /domains': { path: '/domains' },
	'GET /domains/deleted': { path: '/domains/deleted' },
	'GET /domains/{id}': { path: '/domains/1' },
	'POST /domains': { path: '/domains', body: { name: 'contract.example.com' } },
	'PUT /domains/{id}': { path: '/domains/1', body: { notes: 'checked' } },
	'DELETE /domains/{id}': { path: '/domains/2' },
	'POST /domains/{id}/check': { path: '/domains/1/check' },
	'POST /domains/{id}/restore': { path: '/domains/2/restore' },
	'POST /clicks/update_costs': {
		path: '/clicks/update_costs',
		body: {
			campaign_ids: [1],
			costs: [
				{
					start_date: '2026-01-01 00:00',
					end_date: '2026-12-31 23:59',
					cost: '10',
					timezone: 'UTC',
					currency: 'USD',
				},
			],
			timezone: 'UTC',
			currency: 'USD',
		},
	},
	'POST /clicks/clean': {
		path: '/clicks/clean',
		body: { start_date: '2001-01-01 00:00', end_date: '2001-01-02 00:00', timezone: 'UTC' },
	},
	'POST /report/build': {
		path: '/report/build',
		body: {
			range: { interval: 'all_time', timezone: 'UTC' },
			dimensions: ['campaign', 'day'],
			measures: ['clicks', 'conversions', 'revenue', 'cr'],
			summary: true,
		},
	},
	'GET /report/labels': {
		path: '/report/labels',
		query: '?campaign_id=1&ref_name=source&label_name=blacklist',
	},
	'POST /report/labels': {
		path: '/report/labels',
		body: { campaign_id: 1, ref_name: 'source', items: { fb: 'blacklist' } },
	},
	'GET /users': { path: '/users' },
	'GET /users/{id}': { path: '/users/1' },
	'POST /users': {
		path: '/users',
		body: {
			login: 'buyer2',
			new_password: 'pw-1',
			new_password_confirmation: 'pw-1',
			type: 'USER',
		},
	},
	'PUT /users/{id}': { path: '/users/1', body: { preferences: { timezone: 'Europe/Berlin' } } },
	'PUT /users/{id}/access': {
		path: '/users/1/access',
		body: { access_data: { campaigns_access_type: 'read_only', resources: ['campaigns'] } },
	},
	'DELETE /users/{id}': { path: '/users/2' },
	'GET /botlist': { path: '/botlist' },
	'PUT /botlist': { path: '/botlist', body: { value: '10.0.0.1\n10.0.0.2' } },
	'POST /botlist/add': { path: '/botlist/add', body: { value: '10.0.0.3' } },
	'POST /botlist/exclude': { path: '/botlist/exclude', body: { value: '10.0.0.1' } },
	'DELETE /botlist': { path: '/botlist' },
	'GET /integrations/avscan': { path: '/integrations/avscan' },
	'PUT /integrations/avscan': { path: '/integrations/avscan', query: '?avscan_key=k-1' },
	'GET /integrations/imklo': { path: '/integrations/imklo' },
	'PUT /integrations/imklo': {
		path: '/integrations/imklo',
		query: '?imklo_api_url=https%3A%2F%2Fimklo.example',
	},
};

const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema(spec, 'spec');

function responseSchemaRef(path: string, method: string, status: number): string | undefined {
	const responses = spec.paths[path]?.[method]?.responses ?? {};
	const key = responses[String(status)]
		? String(status)
		: status >= 200 && status < 300
			? Object.keys(responses).find((k) => k.startsWith('2'))
			: undefined;
	if (!key) return undefined;
	let response = responses[key];
	let pointer = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method}/responses/${key}`;
	if (response.$ref) {
		pointer = response.$ref;
		response = response.$ref
			.split('/')
			.slice(1)
			.reduce((o: any, k: string) => o[k], spec);
	}
	return response?.content?.['application/json']?.schema
		? `spec${pointer}/content/application~1json/schema`
		: undefined;
}

let sim: KeitaroSimulator;
beforeAll(async () => {
	sim = new KeitaroSimulator();
	seedDemo(sim.state, new Date());
	addUser(sim.state, { login: 'buyer1' });
	await sim.start();
	// a postback leaves lines in the received-postbacks log
	await fetch(`${sim.url}/${sim.postbackKey}/postback?subid=demo-click-5&status=lead`);
});
afterAll(async () => sim.stop());

test('every Admin API route of the simulator exists in the spec with that method', () => {
	const missing = sim.adminRoutes
		.filter((r) => !spec.paths[r.path]?.[r.method.toLowerCase()])
		.map((r) => `${r.method} ${r.path}`);
	expect(missing).toEqual([]);
});

test('every route answers JSON that matches the spec’s response schema', async () => {
	const problems: string[] = [];
	for (const route of sim.adminRoutes) {
		const key = `${route.method} ${route.path}`;
		const sample = SAMPLES[key];
		if (!sample) {
			problems.push(`${key}: no sample request in test/contract.test.ts`);
			continue;
		}
		const response = await fetch(`${sim.url}/admin_api/v1${sample.path}${sample.query ?? ''}`, {
			method: route.method,
			headers: { 'Api-Key': DEFAULT_API_KEY, 'Content-Type': 'application/json' },
			body: sample.body === undefined ? undefined : JSON.stringify(sample.body),
		});
		const text = await response.text();
		if (!response.ok) {
			problems.push(`${key}: ${response.status} ${text.slice(0, 200)}`);
			continue;
		}
		const ref = responseSchemaRef(route.path, route.method.toLowerCase(), response.status);
		if (!ref) {
			problems.push(`${key}: the spec (patched) declares no JSON answer for ${response.status}`);
			continue;
		}
		const validate = ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
		if (!validate(JSON.parse(text))) problems.push(`${key}: ${ajv.errorsText(validate.errors)}`);
	}
	expect(problems).toEqual([]);
});

test('error answers in JSON match the spec’s error schema ({"error": "…"})', async () => {
	const call = (path: string, init: RequestInit = {}) =>
		fetch(`${sim.url}/admin_api/v1${path}`, {
			...init,
			headers: { 'Api-Key': DEFAULT_API_KEY, ...(init.headers ?? {}) },
		});
	const validate = ajv.compile({ $ref: 'spec#/components/schemas/Error' });
	const unauthorized = await fetch(`${sim.url}/admin_api/v1/campaigns`, {
		headers: { 'Api-Key': 'wrong' },
	});
	expect(unauthorized.status).toBe(401);
	expect(validate(await unauthorized.json())).toBe(true);
	const badQuery = await call('/conversions/log', { method: 'POST', body: '{}' });
	expect(badQuery.status).toBe(400);
	expect(validate(await badQuery.json())).toBe(true);
	// Keitaro answers a missing object with plain text (seen live), not the spec's JSON
	const notFound = await call('/offers/999');
	expect(notFound.status).toBe(404);
	expect(await notFound.text()).toBe('Traffic\\Model\\Offer #999 not found');
});

test('each documented patch changes the spec and cites a section of docs/keitaro.md that exists', () => {
	const docs = readFileSync(join(__dirname, '..', 'docs', 'keitaro.md'), 'utf8');
	const sections = new Set(
		[...docs.matchAll(/^#{2,3} (\d+(?:\.\d+)?[a-z]?)[. ]/gm)].map((m) => m[1]),
	);
	const problems: string[] = [];
	for (const patch of SPEC_PATCHES) {
		const cited = [...patch.reason.matchAll(/§(\d+(?:\.\d+)?[a-z]?)/g)].map((m) => m[1]);
		if (!patch.reason.startsWith('docs/keitaro.md §') || !cited.length)
			problems.push(`does not start with its docs/keitaro.md section: ${patch.reason}`);
		for (const section of cited)
			if (!sections.has(section)) problems.push(`cites §${section}, which docs/keitaro.md lacks`);
		const fresh = loadKeitaroSpec();
		const before = JSON.stringify(fresh);
		patch.apply(fresh);
		if (JSON.stringify(fresh) === before) problems.push(`changes nothing: ${patch.reason}`);
	}
	expect(problems).toEqual([]);
});

describe('the request check every test runs (test/support/contractSetup.ts)', () => {
	const send = (path: string, init: RequestInit = {}) =>
		fetch(`${sim.url}${path}`, {
			...init,
			headers: { 'Api-Key': DEFAULT_API_KEY, 'Content-Type': 'application/json' },
		});

	test.each([
		[
			'a misspelled body key',
			'/admin_api/v1/conversions/log',
			{ method: 'POST', body: JSON.stringify({ rnage: { interval: 'all_time' }, limit: 5 }) },
			'body: unknown key "rnage"',
		],
		[
			'a misspelled key inside the body',
			'/admin_api/v1/conversions/log',
			{
				method: 'POST',
				body: JSON.stringify({ range: { interval: 'all_time', timezon: 'UTC' }, limit: 5 }),
			},
			'body.range: unknown key "timezon"',
		],
		[
			'a wrong type',
			'/admin_api/v1/clicks/log',
			{ method: 'POST', body: JSON.stringify({ limit: '5' }) },
			'body.limit: must be number',
		],
		[
			'a list for an operator that takes one value',
			'/admin_api/v1/clicks/log',
			{
				method: 'POST',
				body: JSON.stringify({
					limit: 5,
					filters: [{ name: 'sub_id', operator: 'EQUALS', expression: ['a', 'b'] }],
				}),
			},
			'body.filters.0.operator: must be equal to one of the allowed values (IN_LIST, NOT_IN_LIST, BETWEEN)',
		],
		[
			'a misspelled query key',
			'/admin_api/v1/groups?tpye=campaigns',
			{},
			'query: unknown key "tpye"',
		],
		['a missing query key', '/admin_api/v1/logs/system', {}, 'query: missing "limit"'],
		[
			'a path parameter of the wrong type',
			'/admin_api/v1/campaigns/first',
			{},
			'path.id: must be integer',
		],
		[
			'an endpoint the spec does not have',
			'/admin_api/v1/conversions',
			{ method: 'POST', body: '{}' },
			'the spec has no path /conversions',
		],
		[
			'a body where the spec takes none',
			'/admin_api/v1/campaigns/1/clone',
			{ method: 'POST', body: JSON.stringify({ name: 'Copy' }) },
			'body: the spec takes no body here',
		],
		[
			'a misspelled postback parameter',
			`/${'sim7pbk'}/postback?subid=demo-click-5&stauts=sale`,
			{},
			'query: unknown key "stauts"',
		],
	])('refuses %s with 400 and fails the test that sent it', async (_, path, init, problem) => {
		const response = await send(path, init as RequestInit);
		expect(response.status).toBe(400);
		expect(((await response.json()) as { error: string }).error).toContain(problem);
		const violations = takeViolations();
		expect(violations).toHaveLength(1);
		expect(violations[0]).toContain(problem);
	});

	test('a misspelled key in a request the node sends fails the test (a postback’s extra parameter)', async () => {
		const { error } = await runKeitaro(sim, {
			resource: 'postback',
			operation: 'send',
			clickId: 'demo-click-5',
			status: 'lead',
			additionalFields: {
				extraParameters: { parameter: [{ name: 'payuot', value: '5' }] },
			},
		});
		expect(error).toBeDefined();
		expect(takeViolations()).toEqual([expect.stringContaining('query: unknown key "payuot"')]);
	});
});

/**
 * The five answers the spec declares without a body are checked against the patched {"success":
 * true}; a tracker may as well answer nothing, and the node must not care.
 */
test.each([
	['bot', 'clear', { confirmDeletion: true }, 'DELETE', '/botlist'],
	[
		'campaign',
		'updateCosts',
		{
			campaignId: byId(1),
			start: '2026-03-01',
			end: '2026-03-02',
			timezone: 'UTC',
			cost: 10,
			currency: 'USD',
		},
		'POST',
		'/campaigns/1/update_costs',
	],
	['log', 'clear', { logType: 'system', confirmDeletion: true }, 'DELETE', '/logs/system'],
	['trafficSource', 'archive', { trafficSourceId: byId(1) }, 'DELETE', '/traffic_sources/1'],
	['user', 'delete', { userId: 1 }, 'DELETE', '/users/1'],
])(
	'%s → %s succeeds on an empty answer as well',
	async (resource, operation, parameters, method, path) => {
		sim.requests.splice(0);
		sim.scriptAnswer({ pathIncludes: path, status: 200, body: '' });
		const { items, error } = await runKeitaro(sim, { resource, operation, ...parameters });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`${method} /admin_api/v1${path}`,
		]);
		expect(sim.requests[0].status).toBe(200);
	},
);
