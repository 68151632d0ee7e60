/** Keitaro node + simulator helpers shared by the tests. */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	IRun,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { KeitaroApi } from '../../credentials/KeitaroApi.credentials';
import { Keitaro } from '../../nodes/Keitaro/Keitaro.node';
import {
	DEFAULT_API_KEY,
	DEFAULT_POSTBACK_KEY,
	KeitaroSimulator,
	type SimulatorOptions,
} from '../simulator';
import type { EngineOptions, WorkflowDefinition } from './engine';
import { executeWorkflow, nodeOutput } from './engine';

export const KEITARO_TYPE = 'n8n-nodes-keitaro-tracker.keitaro';

export async function startSimulator(options: SimulatorOptions = {}): Promise<KeitaroSimulator> {
	const sim = new KeitaroSimulator({ postbackDelayMs: 5, ...options });
	await sim.start();
	return sim;
}

export function credentialsFor(
	sim: KeitaroSimulator,
	overrides: IDataObject = {},
): ICredentialDataDecryptedObject {
	const apiKey =
		Object.entries(sim.apiKeys).find(([, role]) => role === 'admin')?.[0] ?? DEFAULT_API_KEY;
	return {
		url: sim.url,
		apiKey,
		postbackSecret: sim.postbackKey ?? DEFAULT_POSTBACK_KEY,
		...overrides,
	};
}

export function engineOptions(credentials: ICredentialDataDecryptedObject): EngineOptions {
	return {
		nodeTypes: { [KEITARO_TYPE]: new Keitaro() },
		credentialTypes: { keitaroApi: new KeitaroApi() },
		credentials: { keitaroApi: credentials },
	};
}

/** Manual Trigger → Keitaro, the smallest workflow that runs the node for real. */
export function keitaroWorkflow(
	parameters: IDataObject,
	node: Partial<INode> = {},
): WorkflowDefinition {
	return {
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'k',
				name: 'Keitaro',
				type: KEITARO_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters: parameters as INode['parameters'],
				credentials: { keitaroApi: { id: 'cred', name: 'Keitaro' } },
				...node,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Keitaro', type: NodeConnectionTypes.Main, index: 0 }]] },
		},
	};
}

export interface KeitaroRun {
	run: IRun;
	/** items of the Keitaro node (empty when it failed) */
	items: INodeExecutionData[];
	/** the node's error when the run failed */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
}

/** Runs the Keitaro node once over `inputItems` against the simulator. */
export async function runKeitaro(
	sim: KeitaroSimulator,
	parameters: IDataObject,
	options: { items?: IDataObject[]; credentials?: IDataObject; node?: Partial<INode> } = {},
): Promise<KeitaroRun> {
	const run = await executeWorkflow(
		keitaroWorkflow(parameters, options.node),
		engineOptions(credentialsFor(sim, options.credentials)),
		(options.items ?? [{}]).map((json) => ({ json })),
	);
	const error = run.data.resultData.error as KeitaroRun['error'];
	return { run, items: error ? [] : nodeOutput(run, 'Keitaro'), error };
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}
