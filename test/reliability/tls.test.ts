/**
 * TLS: a tracker with a self-signed certificate (made for the run, see support/tls.ts) is refused
 * by default with a message that names the credential's switch, for the Admin API, the postback
 * URL and the credential test, and accepted only with "Ignore SSL Issues".
 */
import type { IDataObject } from 'n8n-workflow';

import { KeitaroApi } from '../../credentials/KeitaroApi.credentials';
import { addClick, addConversion, addOffer, KeitaroSimulator } from '../simulator';
import { executeWorkflow, testCredential } from '../support/engine';
import { credentialsFor, engineOptions, keitaroWorkflow, runKeitaro } from '../support/keitaro';
import { selfSignedCertificate } from '../support/tls';

let sim: KeitaroSimulator;
beforeAll(async () => {
	sim = new KeitaroSimulator({ tls: selfSignedCertificate(), postbackDelayMs: 5 });
	await sim.start();
	expect(sim.url).toMatch(/^https:\/\//);
});
afterAll(async () => sim.stop());
beforeEach(() => {
	sim.state.conversions.splice(0);
	sim.state.conversionsBySubId.clear();
	sim.requests.splice(0);
	addOffer(sim.state, { id: 1, payout_auto: true });
	addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
	addConversion(sim.state, { conversion_id: 1, sub_id: 'c1', tid: 't1', status: 'lead' });
});

const getConversion = { resource: 'conversion', operation: 'get', conversionId: '1' };
const toSale = {
	resource: 'conversion',
	operation: 'update',
	conversionId: '1',
	conversionData: '{"click_id":"c1","status":"sale","revenue":12}',
};
const host = () => new URL(sim.url).host;

test('the Admin API: refused by default, naming the switch; nothing reaches the tracker', async () => {
	const { error } = await runKeitaro(sim, getConversion);
	expect(error?.message).toBe(`The TLS certificate of ${host()} is not trusted`);
	expect(error?.description).toMatch(
		/self-signed certificate.*switch on "Ignore SSL Issues" in the Keitaro credential/,
	);
	// the handshake failed: not one HTTP request arrived, and none was tried again
	expect(sim.requests).toEqual([]);
});

test('the Admin API and the postback URL: accepted with Ignore SSL Issues', async () => {
	const { items, error } = await runKeitaro(sim, toSale, {
		credentials: { ignoreSslIssues: true },
	});
	expect(error).toBeUndefined();
	expect(items[0].json).toMatchObject({ confirmed: true, after: { status: 'sale' } });
	expect(sim.requests.filter((r) => r.path.endsWith('/postback'))).toHaveLength(1);
	expect(sim.state.conversionsBySubId.get('c1')![0]).toMatchObject({ status: 'sale', revenue: 12 });
});

test('the postback URL checks the certificate too: Postback → Send alone is refused by default', async () => {
	// Send makes no Admin API call, so this is the postback request's own TLS check
	const send = { resource: 'postback', operation: 'send', clickId: 'c1', status: 'sale' };
	const run = await executeWorkflow(
		keitaroWorkflow(send, { onError: 'continueRegularOutput' }),
		engineOptions(credentialsFor(sim) as never),
	);
	const [item] = run.data.resultData.runData.Keitaro[0].data!.main[0]!;
	expect(item.json).toMatchObject({
		error: `The TLS certificate of ${host()} is not trusted`,
		details: { request: { url: expect.stringContaining('/***/postback?subid=c1') } },
	});
	expect(String((item.json.details as IDataObject).description)).toMatch(/Ignore SSL Issues/);
	expect(sim.requests).toEqual([]);
	expect(sim.state.conversionsBySubId.get('c1')![0]).toMatchObject({ status: 'lead' });
});

test('the credential test: refused by default, accepted with the switch', async () => {
	const refused = await testCredential(new KeitaroApi(), credentialsFor(sim));
	expect(refused.ok).toBe(false);
	expect(`${refused.message} ${refused.description ?? ''}`).toMatch(/self[- ]signed certificate/i);
	expect(sim.requests).toEqual([]);
	const accepted = await testCredential(
		new KeitaroApi(),
		credentialsFor(sim, { ignoreSslIssues: true }),
	);
	expect(accepted).toEqual({ ok: true });
	expect(sim.requests).toHaveLength(1);
});
