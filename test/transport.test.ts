/* eslint-disable */
/**
 * Keitaro's many error styles become NodeApiErrors a person can act on; transient failures are
 * retried only where a repeat is harmless. Every case runs a real workflow against the simulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { addClick, addConversion, addOffer, type KeitaroSimulator } from './simulator';
import { runKeitaro, startSimulator } from './support/keitaro';

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator({
		apiKeys: {
			'admin-key-000000': 'admin',
			'restricted-key-00': 'restricted',
			'unlicensed-key-0': 'unlicensed',
		},
	});
	addOffer(sim.state, { id: 1 });
	addClick(sim.state, { sub_id: 'click-a', offer_id: 1 });
	addConversion(sim.state, { conversion_id: 7, sub_id: 'click-a', tid: 't-1', status: 'lead' });
});
afterEach(async () => sim.stop());

const getConversion = {
	resource: 'conversion',
	operation: 'get',
	getBy: 'conversionId',
	conversionId: '7',
};
const adminCalls = () => sim.requestsTo('/admin_api/').length;

async function failure(parameters: IDataObject = getConversion, credentials: IDataObject = {}) {
	const { error } = await runKeitaro(sim, parameters, { credentials });
	expect(error).toBeDefined();
	return error!;
}

describe('Keitaro error styles', () => {
	test('401: the key is named as the problem', async () => {
		const error = await failure(getConversion, { apiKey: 'wrong-key-123456' });
		expect(error.message).toBe('Keitaro rejected the API key (401)');
		expect(error.description).toMatch(/Check the API key/);
		expect(error.httpCode).toBe('401');
	});

	test('402 with the licence message: the edition is named', async () => {
		const error = await failure(getConversion, { apiKey: 'unlicensed-key-0' });
		expect(error.message).toBe('This Keitaro licence does not include the Admin API (402)');
	});

	test('402 with another message (old Keitaro answers every error with 402): Keitaro’s words are kept', async () => {
		sim.scriptAnswer({ status: 402, body: JSON.stringify({ error: 'Unknown column "foo"' }) });
		const error = await failure();
		expect(error.message).toBe('Keitaro refused the request (402): Unknown column "foo"');
	});

	test('403 with stacktrace null: the user’s rights are named', async () => {
		const error = await failure(getConversion, { apiKey: 'restricted-key-00' });
		expect(error.message).toBe(
			'The API key’s user may not do this (403): You have no permission to access this page',
		);
	});

	test('404 in plain text', async () => {
		sim.scriptAnswer({
			status: 404,
			body: 'Traffic\\Model\\Campaign #1001 not found',
			contentType: 'text/plain',
		});
		const error = await failure();
		expect(error.message).toBe(
			'Not found in Keitaro (404): Traffic\\Model\\Campaign #1001 not found',
		);
	});

	test.each([406, 422])('%i with a field map: every field and its message', async (status) => {
		sim.scriptAnswer({
			status,
			body: JSON.stringify({
				alias: ['Alias has already used'],
				name: ['Name is required', 'Too short'],
			}),
		});
		const error = await failure();
		expect(error.message).toBe(
			`Keitaro rejected the data (${status}): alias: Alias has already used; name: Name is required, Too short`,
		);
		expect(error.description).toMatch(/Fix the fields/);
	});

	test('500 with an HTML page: no HTML in the message', async () => {
		const page = {
			status: 500,
			body: '<html><body><h1>Whoops</h1></body></html>',
			contentType: 'text/html',
		};
		sim.scriptAnswer(page, page, page, page, page);
		const error = await failure();
		expect(error.message).toBe('Keitaro failed to process the request (500)');
		expect(error.message).not.toMatch(/</);
	});

	test('200 with the admin panel’s HTML (wrong path): the tracker URL is named', async () => {
		const error = await failure(getConversion, { url: `${sim.url}/blog` });
		expect(error.message).toBe('The tracker answered with a web page, not with Admin API data');
		expect(error.description).toMatch(/Tracker URL/);
	});

	test('200 with plain text: the text is shown', async () => {
		sim.scriptAnswer({ status: 200, body: 'Maintenance in progress', contentType: 'text/plain' });
		const error = await failure();
		expect(error.message).toBe(
			'Keitaro answered with text instead of JSON: Maintenance in progress',
		);
	});

	test('200 with JSON cut off (read again, then reported)', async () => {
		const cut = {
			status: 200,
			body: '{"rows":[{"conversion_id":7,',
			contentType: 'application/json',
		};
		sim.scriptAnswer(cut, cut, cut, cut, cut);
		const error = await failure();
		expect(error.message).toBe('Keitaro’s answer was cut off (incomplete JSON)');
		expect(adminCalls()).toBe(5);
	});

	test('nothing listening: the address is named', async () => {
		const other = await startSimulator();
		const url = other.url;
		await other.stop();
		const error = await failure(getConversion, { url });
		expect(error.message).toBe(`Nothing accepts connections at ${new URL(url).host}`);
		expect(error.description).toMatch(/ECONNREFUSED/);
	});

	test('no answer within the Timeout option', async () => {
		sim.setFaults({ rate: 1, kinds: ['timeout'], scope: 'admin' });
		const error = await failure({ ...getConversion, options: { timeout: 1 } } as never);
		expect(error.message).toBe(`The tracker at ${new URL(sim.url).host} did not answer within 1 s`);
		// a read is retried; every attempt timed out
		expect(adminCalls()).toBe(5);
	});
});

describe('retries', () => {
	test('a read is retried after 502 and 503 and then succeeds', async () => {
		sim.scriptAnswer(
			{ status: 502, body: '<html>502 Bad Gateway</html>', contentType: 'text/html' },
			{ status: 503, body: '<html>503</html>', contentType: 'text/html' },
		);
		const { items, error } = await runKeitaro(sim, getConversion);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ conversion_id: 7 });
		expect(adminCalls()).toBe(3);
	});

	test('429 is retried after Retry-After', async () => {
		sim.scriptAnswer({
			status: 429,
			body: '{"error":"slow down"}',
			headers: { 'Retry-After': '0' },
		});
		const { error } = await runKeitaro(sim, getConversion);
		expect(error).toBeUndefined();
		expect(adminCalls()).toBe(2);
	});

	test('a create without a tid is never sent twice, even after a 502', async () => {
		addClick(sim.state, { sub_id: 'click-new', offer_id: 1 });
		sim.scriptAnswer({
			pathIncludes: '/postback',
			status: 502,
			body: '<html>502</html>',
			contentType: 'text/html',
		});
		const { error } = await runKeitaro(sim, {
			resource: 'conversion',
			operation: 'create',
			conversionData: JSON.stringify({ click_id: 'click-new', status: 'lead' }),
		});
		expect(error?.message).toMatch(/\(502\)/);
		expect(sim.requests.filter((r) => r.path.endsWith('/postback'))).toHaveLength(1);
		expect(sim.state.conversionsBySubId.get('click-new')).toBeUndefined();
	});

	test('a postback with a tid is retried after a 502', async () => {
		addClick(sim.state, { sub_id: 'click-new', offer_id: 1 });
		sim.scriptAnswer({
			pathIncludes: '/postback',
			status: 502,
			body: '<html>502</html>',
			contentType: 'text/html',
		});
		const { error } = await runKeitaro(sim, {
			resource: 'conversion',
			operation: 'create',
			conversionData: JSON.stringify({ click_id: 'click-new', status: 'lead', tid: 'order-9' }),
		});
		expect(error).toBeUndefined();
		expect(sim.requests.filter((r) => r.path.endsWith('/postback'))).toHaveLength(2);
		expect(sim.state.conversionsBySubId.get('click-new')).toHaveLength(1);
	});
});
