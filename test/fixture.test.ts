/* eslint-disable */
/**
 * n8n's own node tests compare a run with the pinned data of an editor-exported workflow; this does
 * the same for one exported workflow: the pins are the expected output and are removed before the run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData, IWorkflowBase } from 'n8n-workflow';

import { addClick, addConversion, addOffer, type KeitaroSimulator } from './simulator';
import { executeWorkflow, nodeOutput } from './support/engine';
import { credentialsFor, engineOptions, startSimulator } from './support/keitaro';

const fixture = JSON.parse(
	readFileSync(join(__dirname, 'fixtures', 'conversion-update.workflow.json'), 'utf8'),
) as IWorkflowBase & {
	pinData: Record<string, INodeExecutionData[]>;
};

let sim: KeitaroSimulator;
beforeEach(async () => {
	sim = await startSimulator();
	addOffer(sim.state, { id: 1 });
	addClick(sim.state, { sub_id: 'fixture-click', offer_id: 1 });
	addConversion(sim.state, {
		conversion_id: 77,
		sub_id: 'fixture-click',
		tid: 'order-77',
		status: 'lead',
	});
});
afterEach(async () => sim.stop());

test('the exported workflow produces its pinned output', async () => {
	const { pinData, ...workflow } = fixture;
	const run = await executeWorkflow(
		{ nodes: workflow.nodes, connections: workflow.connections },
		engineOptions(credentialsFor(sim)),
	);
	expect(run.status).toBe('success');
	for (const [node, expected] of Object.entries(pinData)) {
		expect(nodeOutput(run, node).map((item) => ({ json: item.json }))).toEqual(expected);
	}
});
