/* eslint-disable */
/**
 * The contract between the node and Keitaro, as Keitaro's OpenAPI spec states it: every request the
 * tests send (Admin API and postback URL) is checked here before the simulator serves it, and
 * test/contract.test.ts checks the simulator's answers with the same patched spec.
 *
 * Requests are checked strictly: a key the spec's schema does not list is refused (additionalProperties
 * false wherever the schema lists properties), as are unknown query parameters, wrong types, missing
 * required keys, a body where the spec takes none and a path the spec does not have. Where the 2022
 * spec is wrong or silent, a patch below says what Keitaro does instead and where docs/keitaro.md says
 * so; nothing else is relaxed.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';

import type { RecordedRequest, RequestCheck } from '../simulator';
import { loadKeitaroSpec } from './spec';

export interface SpecPatch {
	/** what Keitaro does that the spec does not say, citing docs/keitaro.md § */
	reason: string;
	apply(spec: any): void;
}

const schemas = (s: any) => s.components.schemas;
const operation = (s: any, path: string, method: string) => s.paths[path][method];
const jsonBody = (s: any, path: string, method: string) =>
	operation(s, path, method).requestBody.content['application/json'];
const answer = (s: any, path: string, method: string, status = '200') =>
	operation(s, path, method).responses[status];
const requireKeys = (schema: any, ...keys: string[]) =>
	(schema.required = [...new Set([...(schema.required ?? []), ...keys])]);
const SUCCESS = { $ref: '#/components/schemas/Success' };

/**
 * Where Keitaro's 2022 spec contradicts or leaves out what the tracker takes and sends, the contract
 * follows the tracker. ONE list for requests and answers; each patch names its reason.
 */
export const SPEC_PATCHES: SpecPatch[] = [
	// ── answers ────────────────────────────────────────────────────────────────────────────────
	{
		reason:
			'docs/keitaro.md §8.11: report/log rows are objects (column → value), the spec types them as strings',
		apply: (s) => (schemas(s).Report.properties.rows.items = { type: 'object' }),
	},
	{
		reason:
			'docs/keitaro.md §5.5: meta is an object {execution_time, datetime}, the spec types it as an array of strings',
		apply: (s) => (schemas(s).Report.properties.meta = { type: 'object' }),
	},
	{
		reason:
			'docs/keitaro.md §2.1: bind_visitors is null when visitors are not bound (the read example shows null)',
		apply: (s) =>
			Object.assign(schemas(s).Campaign.properties.bind_visitors, {
				nullable: true,
				enum: ['s', 'sl', 'slo', null],
			}),
	},
	{
		reason:
			'docs/keitaro.md §2.2: a stream filter’s payload comes back as the list it was written as; the read model types it as a string',
		apply: (s) =>
			(schemas(s).Filter.properties.payload = {
				oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
			}),
	},
	{
		reason:
			'docs/keitaro.md §2.2: GET /streams/{id}/events answers a list of events; the spec wrongly types it as a Stream',
		apply: (s) =>
			(answer(s, '/streams/{id}/events', 'get').content['application/json'].schema = {
				type: 'array',
				items: { type: 'object' },
			}),
	},
	{
		reason:
			'docs/keitaro.md §2.12a: a domain without a default campaign has default_campaign null (the read example shows null)',
		apply: (s) => Object.assign(schemas(s).Domain.properties.default_campaign, { nullable: true }),
	},
	{
		reason:
			'docs/keitaro.md §8.1: campaign archive and restore answer the campaign (any 2xx); the spec declares a 201 with a Domain body',
		apply: (s) => {
			for (const [path, method] of [
				['/campaigns/{id}', 'delete'],
				['/campaigns/{id}/restore', 'post'],
			]) {
				const responses = operation(s, path, method).responses;
				delete responses['201'];
				responses['200'] = {
					description: 'The campaign',
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Campaign' } } },
				};
			}
		},
	},
	{
		reason:
			'docs/keitaro.md §8.1: five answers declare no body (bot list clear, campaign update_costs, log clear, traffic source archive, user delete); the simulator answers {"success":true}, and the node reads nothing from them (test/contract.test.ts runs each on an empty answer too)',
		apply: (s) => {
			for (const [path, method, status] of [
				['/botlist', 'delete', '200'],
				['/campaigns/{id}/update_costs', 'post', '200'],
				['/logs/{type}', 'delete', '200'],
				['/traffic_sources/{id}', 'delete', '200'],
				['/users/{id}', 'delete', '201'],
			]) {
				const response = answer(s, path, method, status);
				response.content = { 'application/json': { schema: SUCCESS } };
			}
		},
	},
	{
		reason:
			'docs/keitaro.md §3.1, §5.5: a log or report answer always has its rows and the total (the node pages with it)',
		apply: (s) => requireKeys(schemas(s).Report, 'rows', 'total'),
	},
	{
		reason:
			'docs/keitaro.md §2: every object Keitaro answers carries its integer id (the node reads it after each create and clone)',
		apply: (s) => {
			for (const name of [
				'Campaign',
				'Offer',
				'Landing',
				'Source',
				'AffiliateNetwork',
				'Domain',
				'Group',
				'Stream',
				'User',
			])
				requireKeys(schemas(s)[name], 'id');
		},
	},
	{
		reason:
			'docs/keitaro.md §2.7: a domain read carries network_status, default_campaign and campaigns_count',
		apply: (s) =>
			requireKeys(schemas(s).Domain, 'network_status', 'default_campaign', 'campaigns_count'),
	},
	{
		reason:
			'docs/keitaro.md §2.10: GET /botlist answers {"value"}; its three writes answer {"count"}',
		apply: (s) => {
			requireKeys(answer(s, '/botlist', 'get').content['application/json'].schema, 'value');
			for (const [path, method] of [
				['/botlist', 'put'],
				['/botlist/add', 'post'],
				['/botlist/exclude', 'post'],
			])
				requireKeys(answer(s, path, method).content['application/json'].schema, 'count');
		},
	},
	{
		reason: 'docs/keitaro.md §2.11: a log entry is {datetime, jid, message}',
		apply: (s) => requireKeys(schemas(s).Logs, 'datetime', 'jid', 'message'),
	},
	{
		reason:
			'docs/keitaro.md §4.2, §4.4: POST /clicks/update_costs and /clicks/clean answer {"success":true}',
		apply: (s) => {
			requireKeys(schemas(s).Success, 'success');
			requireKeys(
				answer(s, '/clicks/update_costs', 'post').content['application/json'].schema,
				'success',
			);
		},
	},
	{
		reason: 'docs/keitaro.md §2.3: get_file answers {"data": <the file’s text>}',
		apply: (s) => {
			for (const path of ['/landing_pages/{id}/get_file', '/offers/{id}/get_file'])
				requireKeys(answer(s, path, 'get').content['application/json'].schema, 'data');
		},
	},
	{
		reason:
			'docs/keitaro.md §2.2: a stream filter is {name, mode, payload}; an offer or landing row carries its offer_id or landing_id and share',
		apply: (s) => {
			requireKeys(schemas(s).Filter, 'name', 'mode', 'payload');
			requireKeys(schemas(s).OfferStream, 'offer_id', 'share');
			requireKeys(schemas(s).LandingStream, 'landing_id', 'share');
		},
	},
	// ── requests ───────────────────────────────────────────────────────────────────────────────
	{
		reason:
			'docs/keitaro.md §5.1: report/build also takes dimensions/measures (the newer spec’s names for grouping/metrics; the node sends both pairs) and limit, offset, summary',
		apply: (s) =>
			Object.assign(schemas(s).ReportsRequest.properties, {
				dimensions: { type: 'array', items: { type: 'string' } },
				measures: { type: 'array', items: { type: 'string' } },
				limit: { type: 'integer', minimum: 0 },
				offset: { type: 'integer', minimum: 0 },
				summary: { type: 'boolean' },
			}),
	},
	{
		reason:
			'docs/keitaro.md §5.3: a grid filter’s operator is one the spec’s description names; IN_LIST, NOT_IN_LIST and BETWEEN take a list as expression (the spec types it as a string or number only)',
		apply: (s) => {
			const filter = schemas(s).FilterRequest;
			// the operator table of the report/build description
			filter.properties.operator.enum = [
				...operation(s, '/report/build', 'post').description.matchAll(
					/<td class="col0[^"]*">\s*([A-Z_]+)\s*<\/td>/g,
				),
			].map((m: RegExpMatchArray) => m[1]);
			if (!filter.properties.operator.enum.includes('IN_LIST'))
				throw new Error('the report/build description no longer lists the operators');
			filter.properties.expression.anyOf.push({
				type: 'array',
				items: { anyOf: [{ type: 'string' }, { type: 'number' }] },
			});
			filter.if = { properties: { expression: { type: 'array' } }, required: ['expression'] };
			filter.then = { properties: { operator: { enum: ['IN_LIST', 'NOT_IN_LIST', 'BETWEEN'] } } };
		},
	},
	{
		reason:
			'docs/keitaro.md §6: GET /campaigns takes offset and limit in the query on newer builds (older ones ignore them; the node notices)',
		apply: (s) => {
			operation(s, '/campaigns', 'get').parameters = ['offset', 'limit'].map((name) => ({
				name,
				in: 'query',
				required: false,
				schema: { type: 'integer', minimum: 0 },
			}));
		},
	},
	{
		reason:
			'docs/keitaro.md §4.2: each /clicks/update_costs entry requires timezone and currency, which the spec never defines there; they are strings as at the top level',
		apply: (s) =>
			Object.assign(schemas(s).ClicksUpdateCostsPayload.properties, {
				timezone: { type: 'string' },
				currency: { type: 'string' },
			}),
	},
	{
		reason:
			'docs/keitaro.md §2.2, §8.7: a stream’s action_payload (the redirect URL) is in no request schema but is accepted and needed',
		apply: (s) =>
			(schemas(s).StreamObject.properties.action_payload = {
				oneOf: [{ type: 'string' }, { type: 'object' }],
			}),
	},
	{
		reason:
			'docs/keitaro.md §2.11: label items are a map of value → label; the spec types items as an object with one string "value"',
		apply: (s) =>
			(schemas(s).LabelRequestPost.properties.items = {
				type: 'object',
				additionalProperties: { type: 'string' },
			}),
	},
	{
		reason:
			'docs/keitaro.md §2.7: POST /domains requires an is_ssl it never defines; defined here as PUT defines it (boolean), and not required: whether a tracker refuses a create without it is open, and the node sends none',
		apply: (s) => {
			const create = jsonBody(s, '/domains', 'post').schema;
			create.properties.is_ssl = { type: 'boolean' };
			create.required = create.required.filter((key: string) => key !== 'is_ssl');
		},
	},
];

/** The spec with every patch applied (a fresh copy each call). */
export function patchedSpec(): any {
	const spec = loadKeitaroSpec();
	for (const patch of SPEC_PATCHES) patch.apply(spec);
	return spec;
}

// ── strict request schemas ───────────────────────────────────────────────────────────────────

/** `#/components/schemas/X` → the schema it names */
function resolve(spec: any, ref: string): any {
	return ref
		.split('/')
		.slice(1)
		.reduce((o: any, k: string) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
}

/**
 * A self-contained copy of a request schema with every $ref resolved and allOf merged, closed
 * (additionalProperties false) wherever it lists properties and says nothing about other keys.
 */
export function strictSchema(spec: any, schema: any, seen: string[] = []): any {
	if (!schema || typeof schema !== 'object') return schema;
	if (schema.$ref) {
		// OpenAPI 3.0 ignores a $ref's siblings
		if (seen.includes(schema.$ref)) throw new Error(`recursive request schema ${schema.$ref}`);
		return strictSchema(spec, resolve(spec, schema.$ref), [...seen, schema.$ref]);
	}
	if (Array.isArray(schema)) return schema.map((s) => strictSchema(spec, s, seen));
	let out: any = {};
	for (const [key, value] of Object.entries(schema)) {
		if (key === 'description' || key === 'example') continue;
		out[key] =
			key === 'properties' || key === 'patternProperties'
				? Object.fromEntries(
						Object.entries(value as object).map(([k, v]) => [k, strictSchema(spec, v, seen)]),
					)
				: key === 'required' || key === 'enum'
					? value
					: // a condition describes part of an object: it is not the whole object
						['if', 'then', 'else', 'not'].includes(key)
						? openCopy(strictSchema(spec, value, seen))
						: strictSchema(spec, value, seen);
	}
	if (out.allOf) {
		// an object made of parts: one object with every part's properties and requirements
		const parts = [out, ...out.allOf.map((part: any) => openCopy(part))];
		delete out.allOf;
		out = parts.reduce(
			(merged: any, part: any) => ({
				...merged,
				...part,
				properties: { ...merged.properties, ...part.properties },
				required: [...new Set([...(merged.required ?? []), ...(part.required ?? [])])],
			}),
			{},
		);
		if (!Object.keys(out.properties).length) delete out.properties;
		if (!out.required.length) delete out.required;
		delete out.additionalProperties;
	}
	if ((out.properties || out.patternProperties) && out.additionalProperties === undefined)
		out.additionalProperties = false;
	return out;
}

/** a part of an allOf, before it was closed */
function openCopy(part: any): any {
	const { additionalProperties, ...rest } = part;
	return rest;
}

interface SpecOperation {
	method: string;
	template: string;
	regex: RegExp;
	names: string[];
	/** literal segments first: `/campaigns/deleted` before `/campaigns/{id}` */
	rank: number;
	params?: ValidateFunction;
	query?: ValidateFunction;
	body?: ValidateFunction;
	bodyRequired: boolean;
}

/**
 * Keitaro's documented postback parameters (docs/keitaro.md §3.3); the postback URL is not in the
 * spec. Aliases the node never sends are left out, so a typo in a name the node sends is caught.
 */
const POSTBACK_PARAMETERS = {
	type: 'object',
	properties: {
		subid: { type: 'string', minLength: 1 },
		status: { type: 'string', minLength: 1 },
		payout: { type: 'string', pattern: '^-?[0-9]+([.,][0-9]+)?$' },
		tid: { type: 'string' },
		currency: { type: 'string', pattern: '^[A-Za-z]{3}$' },
		cost: { type: 'string', pattern: '^-?[0-9]+([.,][0-9]+)?$' },
		lead_status: { type: 'string' },
		sale_status: { type: 'string' },
		rejected_status: { type: 'string' },
		ignore_status: { type: 'string' },
		return: { type: 'string' },
		datetime: { type: 'string' },
		conversion_time: { type: 'string' },
	},
	patternProperties: {
		'^sub_id_([1-9]|[12][0-9]|30)$': { type: 'string' },
		'^extra_param_([1-9]|1[0-9]|20)$': { type: 'string' },
	},
	required: ['subid'],
	additionalProperties: false,
};

export class SpecContract {
	readonly spec = patchedSpec();
	private readonly ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
	/** query and path values arrive as text: typed per the spec's parameter schema */
	private readonly ajvText = new Ajv({
		strict: false,
		validateFormats: false,
		allErrors: true,
		coerceTypes: true,
	});
	private readonly operations: SpecOperation[] = [];
	private readonly postback = this.ajvText.compile(POSTBACK_PARAMETERS);

	constructor() {
		for (const [template, item] of Object.entries<any>(this.spec.paths)) {
			const names: string[] = [];
			const pattern = template.replace(/\{(\w+)\}/g, (_, name) => {
				names.push(name);
				return '([^/]+)';
			});
			for (const [method, op] of Object.entries<any>(item)) {
				if (!op?.responses) continue;
				const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) =>
					p.$ref ? resolve(this.spec, p.$ref) : p,
				);
				const group = (where: string) => {
					const list = parameters.filter((p: any) => p.in === where);
					return {
						type: 'object',
						properties: Object.fromEntries(
							list.map((p: any) => [p.name, strictSchema(this.spec, p.schema ?? {})]),
						),
						required: list.filter((p: any) => p.required).map((p: any) => p.name),
						additionalProperties: false,
					};
				};
				const content = op.requestBody?.content?.['application/json'];
				this.operations.push({
					method: method.toUpperCase(),
					template,
					regex: new RegExp(`^${pattern}$`),
					names,
					rank: names.length,
					params: names.length ? this.ajvText.compile(group('path')) : undefined,
					query: this.ajvText.compile(group('query')),
					body: content ? this.ajv.compile(strictSchema(this.spec, content.schema)) : undefined,
					bodyRequired: Boolean(op.requestBody?.required),
				});
			}
		}
		this.operations.sort((a, b) => a.rank - b.rank);
	}

	/**
	 * Checks one request the simulator received. `kind` says whether it is an Admin API call or a
	 * postback; answers the request's signature (method, path template, query and body keys) and
	 * what is wrong with it, if anything.
	 */
	check(
		request: Pick<RecordedRequest, 'method' | 'path' | 'query' | 'body'>,
		kind: 'admin' | 'postback',
	): { signature: string; problems: string[] } {
		const query = queryObject(request.query);
		const problems: string[] = [];
		if (kind === 'postback') {
			const params = { ...query };
			if (request.method !== 'GET')
				problems.push(
					`the node sends postbacks as GET (docs/keitaro.md §3.3), not ${request.method}`,
				);
			if (!this.postback(params)) problems.push(...errors(this.postback, 'query'));
			return {
				signature: `${request.method} /{postback_key}/postback ?${Object.keys(query).sort().join(',')}`,
				problems,
			};
		}
		const path = request.path.replace(/^\/admin_api\/v1/, '');
		const candidates = this.operations.filter((op) => op.regex.test(path));
		const op = candidates.find((c) => c.method === request.method);
		if (!op) {
			return {
				signature: `${request.method} ${path}`,
				problems: [
					candidates.length
						? `the spec has no ${request.method} ${candidates[0].template}`
						: `the spec has no path ${path}`,
				],
			};
		}
		const values = op.regex.exec(path)!.slice(1);
		const params = Object.fromEntries(op.names.map((n, i) => [n, decodeURIComponent(values[i])]));
		if (op.params && !op.params(params)) problems.push(...errors(op.params, 'path'));
		if (!op.query!({ ...query })) problems.push(...errors(op.query!, 'query'));
		let bodyKeys = '';
		if (request.body.trim()) {
			let body: unknown;
			try {
				body = JSON.parse(request.body);
			} catch {
				problems.push('body: not JSON');
			}
			if (body !== undefined) {
				bodyKeys =
					body && typeof body === 'object' ? Object.keys(body).sort().join(',') : typeof body;
				if (!op.body)
					problems.push(`body: the spec takes no body here, got ${request.body.slice(0, 80)}`);
				else if (!op.body(body)) problems.push(...errors(op.body, 'body'));
			}
		} else if (op.bodyRequired) {
			problems.push('body: required by the spec, none sent');
		}
		return {
			signature: `${op.method} ${op.template} ?${Object.keys(query).sort().join(',')} {${bodyKeys}}`,
			problems,
		};
	}
}

function queryObject(search: string): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of new URLSearchParams(search)) {
		const previous = out[key];
		out[key] = previous === undefined ? value : ([] as string[]).concat(previous, value);
	}
	return out;
}

function errors(validate: ValidateFunction, where: string): string[] {
	return (validate.errors ?? []).map((e) => {
		const at = `${where}${e.instancePath.replace(/\//g, '.')}`;
		if (e.keyword === 'additionalProperties')
			return `${at}: unknown key "${(e.params as any).additionalProperty}"`;
		if (e.keyword === 'required') return `${at}: missing "${(e.params as any).missingProperty}"`;
		return `${at}: ${e.message}${e.keyword === 'enum' ? ` (${(e.params as any).allowedValues.join(', ')})` : ''}`;
	});
}

// ── the check every simulator runs in the tests (installed by test/support/contractSetup.ts) ──

/** Where each test file's checked requests go, one JSON line per distinct request (see contractReport.ts). */
export const REQUESTS_DIR = join(__dirname, '..', '..', '.tmp', 'contract-requests');

export interface CheckedRequest {
	signature: string;
	/** sent by the node (its User-Agent), not by a test's own fetch */
	byNode: boolean;
	method: string;
	path: string;
	query: string;
	body: string;
}

/** the User-Agent of the node's transport (nodes/Keitaro/transport/index.ts) */
const NODE_USER_AGENT = 'n8n-nodes-keitaro-tracker';

let contract: SpecContract | undefined;
/** distinct requests that passed the check in this test file, by signature */
export const checkedRequests = new Map<string, CheckedRequest>();
/** requests that did not, since the last takeViolations() */
let violations: string[] = [];

/** The simulator's request check: a problem is remembered here and answered 400 by the simulator. */
export const checkRequest: RequestCheck = (request, kind) => {
	contract ??= new SpecContract();
	const { signature, problems } = contract.check(request, kind);
	if (!problems.length) {
		const byNode = String(request.headers['user-agent'] ?? '').startsWith(NODE_USER_AGENT);
		const known = checkedRequests.get(signature);
		if (known) known.byNode ||= byNode;
		else
			checkedRequests.set(signature, {
				signature,
				byNode,
				method: request.method,
				path: request.path.replace(/^\/[^/]+\/postback$/, '/{postback_key}/postback'),
				query: request.query.slice(0, 300),
				body: request.body.slice(0, 300),
			});
		return undefined;
	}
	const shown = kind === 'postback' ? '/{postback_key}/postback' : request.path;
	violations.push(
		`${request.method} ${shown}${request.query.slice(0, 200)}\n    ${problems.join('\n    ')}`,
	);
	return `The request does not match Keitaro's OpenAPI spec (test/support/contract.ts): ${problems.join('; ')}`;
};

/** The violations seen since the last call, forgotten. */
export function takeViolations(): string[] {
	const taken = violations;
	violations = [];
	return taken;
}

/** Adds this test file's checked requests to its worker's file under .tmp/contract-requests/. */
export function saveCheckedRequests(testPath: string): void {
	if (!checkedRequests.size) return;
	mkdirSync(REQUESTS_DIR, { recursive: true });
	const file = join(
		REQUESTS_DIR,
		`worker-${process.env.JEST_WORKER_ID ?? '1'}-${process.pid}.jsonl`,
	);
	const from = relative(join(__dirname, '..', '..'), testPath);
	appendFileSync(
		file,
		[...checkedRequests.values()].map((r) => `${JSON.stringify({ ...r, from })}\n`).join(''),
	);
	checkedRequests.clear();
}
