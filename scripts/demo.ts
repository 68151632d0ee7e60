/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm start`: runs every workflow of examples/ through n8n's engine (n8n-core WorkflowExecute)
 * with the BUILT package (dist/) against the bundled Keitaro simulator, and prints what happened.
 */
import '../test/support/env';

import { join } from 'node:path';

import type { IDataObject, INodeType } from 'n8n-workflow';

import { KeitaroSimulator, seedDemo } from '../test/simulator';
import { loadExamples, runExample } from '../test/support/examples';
import { KEITARO_TYPE } from '../test/support/keitaro';

const { Keitaro } = require(
	join(__dirname, '..', 'dist', 'nodes', 'Keitaro', 'Keitaro.node.js'),
) as {
	Keitaro: new () => INodeType;
};

function describe(json: IDataObject): string {
	if (json.success === false) {
		const error = json.error as IDataObject;
		return `FAILED ${String(error.code)}: ${String(error.message)}`;
	}
	const data = (json.data ?? json) as IDataObject;
	if (data.before && data.after) {
		const before = data.before as IDataObject;
		const after = data.after as IDataObject;
		return `conversion ${String(data.conversion_id)} (click ${String(data.click_id)}, tid ${String(data.tid || '-')}): ${String(before.status)} ${String(before.revenue)} → ${String(after.status)} ${String(after.revenue)}${data.confirmed ? ', confirmed in Keitaro' : ''}`;
	}
	return JSON.stringify(data).slice(0, 160);
}

async function main(): Promise<void> {
	const sim = new KeitaroSimulator({ postbackDelayMs: 20 });
	seedDemo(sim.state, sim.now());
	const url = await sim.start();
	console.log(
		`Keitaro simulator on ${url} (demo data: campaigns, offers, 5 clicks, 4 conversions)\n`,
	);
	let failed = 0;
	for (const example of loadExamples()) {
		const started = Date.now();
		const run = await runExample(example, sim, { [KEITARO_TYPE]: new Keitaro() });
		const error = run.data.resultData.error;
		console.log(
			`▶ ${example.workflow.name}  [examples/${example.file}]  ${run.status} in ${Date.now() - started} ms`,
		);
		for (const node of example.workflow.nodes.filter((n) => n.type === KEITARO_TYPE)) {
			const items = run.data.resultData.runData[node.name]?.[0]?.data?.main?.[0] ?? [];
			console.log(`  ${node.name}: ${items.length} item(s)`);
			for (const item of items) console.log(`    - ${describe(item.json)}`);
			const request = (items[0]?.json.request ?? null) as IDataObject | null;
			if (request)
				console.log(`    request made: ${String(request.method)} ${String(request.url)}`);
		}
		if (error) {
			failed++;
			console.log(`  error: ${error.message}`);
		}
		console.log('');
	}
	const requests = sim.requests;
	console.log(
		`Keitaro received ${requests.length} requests: ${requests.filter((r) => r.path.endsWith('/postback')).length} postbacks, ` +
			`${requests.filter((r) => r.path.startsWith('/admin_api/')).length} Admin API calls.`,
	);
	console.log('Conversions in the simulator now:');
	for (const c of sim.state.conversions) {
		console.log(
			`  #${c.conversion_id} click ${c.sub_id} tid ${c.tid}: ${c.status} ${c.revenue} (previous: ${c.previous_status || '-'})`,
		);
	}
	await sim.stop();
	process.exitCode = failed ? 1 : 0;
}

void main();
