/* eslint-disable */
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

import { KeitaroApi } from '../credentials/KeitaroApi.credentials';
import { trackerBaseUrl } from '../nodes/Keitaro/transport/url';
import type { KeitaroSimulator } from './simulator';
import { testCredential } from './support/engine';
import { credentialsFor, startSimulator } from './support/keitaro';

let sim: KeitaroSimulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.stop());

const credential = new KeitaroApi();

test('a good key passes the credential test', async () => {
	const result = await testCredential(credential, credentialsFor(sim));
	expect(result).toEqual({ ok: true });
	const last = sim.requests.at(-1)!;
	expect(`${last.method} ${last.path}`).toBe('POST /admin_api/v1/conversions/log');
	expect(JSON.parse(last.body)).toEqual({
		range: { interval: 'today' },
		columns: ['conversion_id'],
		limit: 1,
	});
});

test('the test tells a wrong key from a wrong URL', async () => {
	const wrongKey = await testCredential(credential, credentialsFor(sim, { apiKey: 'not-the-key' }));
	expect(wrongKey.ok).toBe(false);
	expect(wrongKey.message).toMatch(/Authorization failed/i);

	// a port where nothing listens: the simulator's own port after it is closed
	const closed = await startSimulator();
	const deadUrl = closed.url;
	await closed.stop();
	const wrongUrl = await testCredential(credential, credentialsFor(sim, { url: deadUrl }));
	expect(wrongUrl.ok).toBe(false);
	expect(wrongUrl.message).not.toMatch(/Authorization failed/i);
	expect(wrongUrl.message).toMatch(/refused/i);

	// an address that serves a web page with 200 (a site, or Keitaro's admin panel)
	const webPage = await testCredential(credential, credentialsFor(sim, { url: `${sim.url}/blog` }));
	expect(webPage.ok).toBe(false);
	expect(webPage.message).toMatch(/not like Keitaro’s Admin API/);
});

test.each([
	['with a trailing slash', (url: string) => `${url}/`],
	['with /admin_api/v1 pasted', (url: string) => `${url}/admin_api/v1`],
	['as a link copied from the admin panel', (url: string) => `${url}/admin/#!/campaigns`],
	['with surrounding spaces', (url: string) => `  ${url}  `],
])('the tracker URL works %s', async (_, shape) => {
	const result = await testCredential(credential, credentialsFor(sim, { url: shape(sim.url) }));
	expect(result).toEqual({ ok: true });
});

test('the Authorization: Bearer header style works', async () => {
	const result = await testCredential(credential, credentialsFor(sim, { authHeader: 'bearer' }));
	expect(result).toEqual({ ok: true });
	expect(sim.requests.at(-1)!.headers.authorization).toMatch(/^Bearer /);
	expect(sim.requests.at(-1)!.headers['api-key']).toBeUndefined();
});

test('the credential test normalises the URL exactly like the node does', () => {
	// evaluate the credential's baseURL expression with n8n's expression engine
	const workflow = new Workflow({
		nodes: [{ id: '1', name: 'n', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} }],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => ({ description: { properties: [] } }) as any,
			getByNameAndVersion: () =>
				({ description: { properties: [], inputs: [NodeConnectionTypes.Main] } }) as any,
			getKnownTypes: () => ({}),
		},
	});
	const node = workflow.getNode('n')!;
	const inputs = [
		'tracker.example.com',
		'tracker.example.com:8080',
		'http://tracker.example.com',
		'https://tracker.example.com/',
		'https://tracker.example.com///',
		'https://tracker.example.com/admin_api/v1',
		'https://tracker.example.com/admin_api/v1/',
		'https://tracker.example.com:8443/admin_api',
		'https://tracker.example.com/admin/#!/campaigns',
		'https://tracker.example.com/keitaro/admin_api/v1?x=1',
		'HTTPS://Tracker.Example.com/ADMIN_API/V1',
	];
	for (const url of inputs) {
		const viaExpression = workflow.expression.getSimpleParameterValue(
			node,
			credential.test.request.baseURL as string,
			'internal',
			{ $credentials: { url } },
			undefined,
			'',
		);
		expect(viaExpression).toBe(`${trackerBaseUrl(url)}/admin_api/v1`);
	}
	expect(trackerBaseUrl('tracker.example.com:8080')).toBe('https://tracker.example.com:8080');
	expect(trackerBaseUrl('https://tracker.example.com/admin/#!/campaigns')).toBe(
		'https://tracker.example.com',
	);
	expect(trackerBaseUrl('https://tracker.example.com/keitaro/admin_api/v1?x=1')).toBe(
		'https://tracker.example.com/keitaro',
	);
});
