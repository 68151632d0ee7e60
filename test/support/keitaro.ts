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
import { executeWorkflow, START_NODE } from './engine';

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

/**
 * Manual Trigger → Keitaro, the smallest workflow that runs the node for real. With input items,
 * n8n's own Edit Fields and Split Out nodes produce them between the two, as in the examples.
 */
export function keitaroWorkflow(
	parameters: IDataObject,
	node: Partial<INode> = {},
	inputItems?: IDataObject[],
): WorkflowDefinition {
	const keitaro: INode = {
		id: 'k',
		name: 'Keitaro',
		type: KEITARO_TYPE,
		typeVersion: 1,
		position: [600, 0],
		parameters: parameters as INode['parameters'],
		credentials: { keitaroApi: { id: 'cred', name: 'Keitaro' } },
		...node,
	};
	const link = (to: string) => ({
		main: [[{ node: to, type: NodeConnectionTypes.Main, index: 0 }]],
	});
	if (!inputItems) return { nodes: [START_NODE, keitaro], connections: { Start: link('Keitaro') } };
	const inputs: INode[] = [
		{
			id: 's',
			name: 'Input',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [200, 0],
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items: inputItems }), options: {} },
		},
		{
			id: 'o',
			name: 'Split',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [400, 0],
			parameters: { fieldToSplitOut: 'items', options: {} },
		},
	];
	return {
		nodes: [START_NODE, ...inputs, keitaro],
		connections: { Start: link('Input'), Input: link('Split'), Split: link('Keitaro') },
	};
}

export interface KeitaroRun {
	run: IRun;
	/** items of the Keitaro node's first output (empty when it failed) */
	items: INodeExecutionData[];
	/** items of every output of the Keitaro node */
	outputs: INodeExecutionData[][];
	/** the node's error when the run failed */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
}

/**
 * No run may show the credential's keys: every test that runs the node checks the whole run (what
 * n8n stores and shows: items, errors, descriptions) for the API key and the postback key in use.
 */
export function expectNoSecrets(run: IRun, credentials: IDataObject): void {
	const error = run.data.resultData.error as KeitaroRun['error'];
	const shown = [JSON.stringify(run), error?.message ?? '', error?.description ?? ''].join('\n');
	for (const key of [credentials.apiKey, credentials.postbackSecret]) {
		if (typeof key === 'string' && key.length >= 4 && shown.includes(key)) {
			throw new Error(`The run shows a credential key (${key.slice(0, 2)}…): it must be masked`);
		}
	}
}

/** Runs the Keitaro node once over `inputItems` against the simulator. */
export async function runKeitaro(
	sim: KeitaroSimulator,
	parameters: IDataObject,
	options: { items?: IDataObject[]; credentials?: IDataObject; node?: Partial<INode> } = {},
): Promise<KeitaroRun> {
	const credentials = credentialsFor(sim, options.credentials);
	const run = await executeWorkflow(
		keitaroWorkflow(parameters, options.node, options.items),
		engineOptions(credentials),
	);
	expectNoSecrets(run, credentials);
	const error = run.data.resultData.error as KeitaroRun['error'];
	const outputs = error
		? []
		: (run.data.resultData.runData.Keitaro?.[0]?.data?.main ?? []).map((items) => items ?? []);
	return { run, items: outputs[0] ?? [], outputs, error };
}

export function jsonOf(items: INodeExecutionData[]): IDataObject[] {
	return items.map((item) => item.json);
}
