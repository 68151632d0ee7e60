/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm start`: runs every workflow of examples/ through n8n's engine (n8n-core WorkflowExecute)
 * with the BUILT package (dist/) against the bundled Keitaro simulator, and prints what happened.
 */
import '../test/support/env';

import { join } from 'node:path';

import type { IDataObject, INodeType } from 'n8n-workflow';

import { KeitaroSimulator, seedDemo } from '../test/simulator';
import { loadExamples, runExample, runsInProcess } from '../test/support/examples';
import { KEITARO_TYPE } from '../test/support/keitaro';
import { KEITARO_TRIGGER_TYPE } from '../test/support/trigger';

const { Keitaro } = require(
	join(__dirname, '..', 'dist', 'nodes', 'Keitaro', 'Keitaro.node.js'),
) as {
	Keitaro: new () => INodeType;
};
const { KeitaroTrigger } = require(
	join(__dirname, '..', 'dist', 'nodes', 'KeitaroTrigger', 'KeitaroTrigger.node.js'),
) as {
	KeitaroTrigger: new () => INodeType;
};
const PACKAGE_TYPES = [KEITARO_TYPE, KEITARO_TRIGGER_TYPE];

function describe(json: IDataObject): string {
	if (json.details && json.error !== undefined) {
		const details = json.details as IDataObject;
		return `FAILED ${String(details.code)}: ${String(json.error)}`;
	}
	const data = (json.data ?? json) as IDataObject;
	if (data.before && data.after) {
		const before = data.before as IDataObject;
		const after = data.after as IDataObject;
		return `conversion ${String(data.conversion_id)} (click ${String(data.click_id)}, tid ${String(data.tid || '-')}): ${String(before.status)} ${String(before.revenue)} → ${String(after.status)} ${String(after.revenue)}${data.confirmed ? ', confirmed in Keitaro' : ''}`;
	}
	if (data.request_status) {
		const why = data.reason_code
			? ` — ${String(data.reason_code)}: ${String(data.reason_message)}`
			: '';
		const result =
			data.request_status === 'processed'
				? `, Keitaro now: ${String(data.result_status)} ${String(data.result_revenue)}`
				: '';
		const row = data.row_number ? `row ${String(data.row_number)} ` : '';
		return `${row}request ${String(data.request_id || '-')} (${String(data.type ?? 'row')}, click ${String(data.click_id ?? data.subid)}): ${String(data.request_status)}${result}${why}`;
	}
	if (data.accounted_for !== undefined) {
		return `summary of ${String(data.total)} rows: processed ${String(data.processed)}, rejected ${String(data.rejected)}, failed ${String(data.failed)}, open ${String(data.open)}; reasons ${JSON.stringify(data.by_reason)}; every row accounted for: ${String(data.accounted_for)}`;
	}
	if (data.previous_status && data.status) {
		return `conversion ${String(data.conversion_id)} (click ${String(data.sub_id)}, tid ${String(data.tid || '-')}): ${String(data.previous_status)} → ${String(data.status)}, revenue ${String(data.revenue)}`;
	}
	return JSON.stringify(data).slice(0, 160);
}

async function main(): Promise<void> {
	let failed = 0;
	for (const example of loadExamples()) {
		if (!runsInProcess(example)) {
			console.log(`▷ ${example.workflow.name}  [examples/${example.file}]`);
			console.log(
				'  starts from a webhook or form and keeps requests in a Data Table: it runs in a real n8n (npm run test:e2e)\n',
			);
			continue;
		}
		// each example starts from the same demo tracker
		const sim = new KeitaroSimulator({ postbackDelayMs: 20 });
		seedDemo(sim.state, sim.now());
		await sim.start();
		const started = Date.now();
		const run = await runExample(example, sim, {
			[KEITARO_TYPE]: new Keitaro(),
			[KEITARO_TRIGGER_TYPE]: new KeitaroTrigger(),
		});
		const error = run.data.resultData.error;
		console.log(
			`▶ ${example.workflow.name}  [examples/${example.file}]  ${run.status} in ${Date.now() - started} ms`,
		);
		for (const node of example.workflow.nodes.filter((n) => PACKAGE_TYPES.includes(n.type))) {
			const outputs = run.data.resultData.runData[node.name]?.[0]?.data?.main ?? [];
			outputs.forEach((items, output) => {
				const label = outputs.length > 1 ? ` (output ${output + 1})` : '';
				console.log(`  ${node.name}${label}: ${items?.length ?? 0} item(s)`);
				for (const item of items ?? []) console.log(`    - ${describe(item.json)}`);
			});
			const request = (outputs[0]?.[0]?.json.request ?? null) as IDataObject | null;
			if (request)
				console.log(`    request made: ${String(request.method)} ${String(request.url)}`);
		}
		if (error) {
			failed++;
			console.log(`  error: ${error.message}`);
		}
		const postbacks = sim.requests.filter((r) => r.path.endsWith('/postback')).length;
		console.log(
			`  Keitaro received ${sim.requests.length} requests (${postbacks} postbacks); its conversions now:`,
		);
		for (const c of sim.state.conversions) {
			console.log(
				`    #${c.conversion_id} click ${c.sub_id} tid ${c.tid || '-'}: ${c.status} ${c.revenue} (previous: ${c.previous_status || '-'})`,
			);
		}
		console.log('');
		await sim.stop();
	}
	process.exitCode = failed ? 1 : 0;
}

void main();
