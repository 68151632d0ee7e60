/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/** The importable workflows of examples/, run through the in-process engine. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData, INodeType, IRun, IWorkflowBase } from 'n8n-workflow';

import { KeitaroApi } from '../../credentials/KeitaroApi.credentials';
import type { KeitaroSimulator } from '../simulator';
import { executeWorkflow } from './engine';
import { credentialsFor } from './keitaro';
import { KEITARO_TRIGGER_TYPE } from './trigger';

export const EXAMPLES_DIR = join(__dirname, '..', '..', 'examples');

export interface Example {
	file: string;
	workflow: IWorkflowBase;
}

/**
 * Examples that start from a Manual Trigger or the Keitaro Trigger (a test run polls it) run
 * in-process; webhook and form examples need a real n8n.
 */
export function runsInProcess(example: Example): boolean {
	return example.workflow.nodes.some((node) =>
		['n8n-nodes-base.manualTrigger', KEITARO_TRIGGER_TYPE].includes(node.type),
	);
}

export function loadExamples(): Example[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')),
		}));
}

/**
 * Runs one example against the simulator; `nodeTypes` supplies the package's nodes (source or
 * dist). A manual run, unless `emitted` holds what the example's polling trigger emitted: then
 * the run an active workflow makes with those items.
 */
export async function runExample(
	example: Example,
	sim: KeitaroSimulator,
	nodeTypes: Record<string, INodeType>,
	emitted?: INodeExecutionData[],
): Promise<IRun> {
	return await executeWorkflow(
		{
			nodes: example.workflow.nodes,
			connections: example.workflow.connections,
			settings: example.workflow.settings,
		},
		{
			nodeTypes,
			credentialTypes: { keitaroApi: new KeitaroApi() },
			credentials: { keitaroApi: credentialsFor(sim) },
		},
		emitted,
		emitted ? 'trigger' : 'manual',
	);
}
