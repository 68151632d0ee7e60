/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * Runs n8n workflows in-process on n8n-core's real engine (WorkflowExecute, PollContext):
 * parameters, expressions, credentials (including the credential's `authenticate`), pairedItem,
 * Continue On Fail and HTTP through n8n's own request helpers. Only what needs n8n's database is
 * replaced: the credential store and the node registry.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import get from 'lodash/get';
import {
	BinaryDataConfig,
	BinaryDataService,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PollContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

/**
 * n8n's own nodes, loaded from n8n-nodes-base (the package the n8n server ships) through its
 * known-nodes index, so workflows run with the real Manual Trigger, Edit Fields, If, Merge, HTTP
 * Request and the rest.
 */
const KNOWN_CORE_NODES = require('n8n-nodes-base/dist/known/nodes.json') as Record<
	string,
	{ className: string; sourcePath: string }
>;
const loadedCoreNodes = new Map<string, INodeType | IVersionedNodeType>();

/**
 * The description n8n's editor gets for a core node version (n8n-nodes-base's types/nodes.json),
 * without loading the node's code (some core nodes pull ES modules jest does not load).
 */
export function coreDescription(type: string, version: number): INodeTypeDescription | undefined {
	const descriptions = require('n8n-nodes-base/dist/types/nodes.json') as INodeTypeDescription[];
	const name = type.replace(/^n8n-nodes-base\./, '');
	return descriptions.find(
		(d) =>
			d.name === name &&
			(Array.isArray(d.version) ? d.version.includes(version) : d.version === version),
	);
}

export function coreNode(type: string): INodeType | IVersionedNodeType | undefined {
	const name = type.startsWith('n8n-nodes-base.')
		? type.slice('n8n-nodes-base.'.length)
		: undefined;
	const entry = name ? KNOWN_CORE_NODES[name] : undefined;
	if (!entry) return undefined;
	if (!loadedCoreNodes.has(type)) {
		const module = require(`n8n-nodes-base/${entry.sourcePath}`);
		loadedCoreNodes.set(type, new module[entry.className]());
	}
	return loadedCoreNodes.get(type);
}

class NodeRegistry implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}
	getByName(type: string): INodeType | IVersionedNodeType {
		const found = this.types[type] ?? coreNode(type);
		if (!found) throw new Error(`The test engine does not know node type ${type}`);
		return found;
	}
	getByNameAndVersion(type: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(type), version);
	}
	getKnownTypes() {
		return {};
	}
}

/** Serves credentials by type and applies their `authenticate` like n8n's CredentialsHelper. */
class CredentialStore extends ICredentialsHelper {
	constructor(
		private readonly types: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types[type]?.properties ?? [];
	}
	async getDecrypted(_: IWorkflowExecuteAdditionalData, __: INodeCredentialsDetails, type: string) {
		if (!this.data[type]) throw new Error(`No test credential of type ${type}`);
		// the server fills in defaults of properties the user never touched
		return NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			this.data[type] as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
	}
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.types[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) =>
				value.startsWith('=')
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			const options = requestOptions as unknown as Record<string, Record<string, string>>;
			for (const [outer, inner] of Object.entries(authenticate.properties)) {
				options[outer] ??= {};
				for (const [key, value] of Object.entries(inner as Record<string, string>))
					options[outer][resolve(key)] = resolve(value);
			}
		}
		return requestOptions;
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the test engine');
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
}

export interface EngineOptions {
	nodeTypes: Record<string, INodeType | IVersionedNodeType>;
	credentialTypes: Record<string, ICredentialType>;
	credentials: Record<string, ICredentialDataDecryptedObject>;
}

/** The Manual Trigger every in-process workflow starts from. */
export const START_NODE: INode = {
	id: 'start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface WorkflowDefinition {
	nodes: INode[];
	connections: IWorkflowBase['connections'];
	settings?: IWorkflowBase['settings'];
	staticData?: IDataObject;
}

function additionalData(
	options: EngineOptions,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	return {
		hooks,
		credentialsHelper: new CredentialStore(options.credentialTypes, options.credentials),
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		// n8n-core builds $execution.resumeUrl and friends from these; they must be absolute URLs
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not part of these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('task runners are not part of these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function buildWorkflow(definition: WorkflowDefinition, options: EngineOptions): Workflow {
	return new Workflow({
		id: 'test-workflow',
		name: 'test',
		nodes: definition.nodes,
		connections: definition.connections,
		active: false,
		nodeTypes: new NodeRegistry(options.nodeTypes),
		settings: { executionOrder: 'v1', ...definition.settings },
		staticData: definition.staticData,
	});
}

/** n8n-core's own DI container (it has its own copy of @n8n/di), which holds its binary data service */
const { Container } = require(
	require.resolve('@n8n/di', { paths: [require.resolve('n8n-core')] }),
) as typeof import('@n8n/di');

let binaryData: Promise<void> | undefined;

/**
 * n8n's default binary data mode: each file a node makes goes to disk (here a temporary folder of
 * this process, removed at exit), and the item keeps a reference to it.
 */
function storeBinaryDataOnDisk(): Promise<void> {
	binaryData ??= (async () => {
		const folder = mkdtempSync(join(tmpdir(), 'keitaro-binary-'));
		process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
		const config = Container.get(BinaryDataConfig);
		config.mode = 'filesystem';
		config.localStoragePath = folder;
		await Container.get(BinaryDataService).init();
	})();
	return binaryData;
}

/** The content of a file a node put out, read back from where n8n stored it. */
export async function binaryText(binary: IBinaryData): Promise<string> {
	return (await Container.get(BinaryDataService).getAsBuffer(binary)).toString('utf8');
}

/**
 * Runs a workflow from its trigger to the end, as a manual execution does (a polling trigger then
 * polls in manual mode), or, in mode `trigger`, as an active workflow runs what its polling
 * trigger emitted (`triggerItems`).
 */
export async function executeWorkflow(
	definition: WorkflowDefinition,
	options: EngineOptions,
	triggerItems: INodeExecutionData[] = [{ json: {} }],
	mode: 'manual' | 'trigger' = 'manual',
): Promise<IRun> {
	await storeBinaryDataOnDisk();
	const workflow = buildWorkflow(definition, options);
	const workflowData = {
		id: 'test-workflow',
		name: 'test',
		active: false,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: definition.nodes,
		connections: definition.connections,
	} as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, 'test-execution', workflowData);
	const finished = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)),
	);
	const start = workflow.getStartNode();
	if (!start) throw new Error('the workflow has no trigger node');
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [triggerItems] }, source: null }],
		},
	});
	await new WorkflowExecute(additionalData(options, hooks), mode, runData).processRunExecutionData(
		workflow,
	);
	return await finished;
}

/** One poll of a polling trigger with a real PollContext; static data carries over between calls. */
export async function pollTrigger(
	definition: WorkflowDefinition,
	nodeName: string,
	options: EngineOptions,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<{ items: INodeExecutionData[][] | null; staticData: IDataObject }> {
	const workflow = buildWorkflow(
		{ ...definition, staticData: definition.staticData ?? {} },
		options,
	);
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`no node named ${nodeName}`);
	const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (!type.poll) throw new Error(`${node.type} cannot poll`);
	const context = new PollContext(workflow, node, additionalData(options), mode, 'activate');
	const items = await type.poll.call(context);
	return { items, staticData: workflow.staticData as IDataObject };
}

/** Items a node put out in its first run (first output, or the one asked for). */
export function nodeOutput(run: IRun, nodeName: string, output = 0): INodeExecutionData[] {
	const task = run.data.resultData.runData[nodeName]?.[0];
	if (!task)
		throw new Error(
			`node "${nodeName}" did not run: ${run.data.resultData.error?.message ?? 'no error'}`,
		);
	return task.data?.main?.[output] ?? [];
}

/**
 * Runs a credential's `test` request the way n8n's credential tester does: as the only routed
 * property of a throw-away declarative node.
 */
export async function testCredential(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<{ ok: boolean; message?: string; description?: string }> {
	if (!type.test) throw new Error(`${type.name} has no test request`);
	const tester: INodeType = {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential Test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: type.name, required: true }],
			properties: [
				{
					displayName: 'Test',
					name: 'test',
					type: 'string',
					default: '',
					routing: { request: type.test.request },
				},
			],
		},
	};
	const run = await executeWorkflow(
		{
			nodes: [
				START_NODE,
				{
					id: '2',
					name: 'Test',
					type: 'test.credentialTest',
					typeVersion: 1,
					position: [200, 0],
					parameters: {},
					credentials: { [type.name]: { id: '1', name: 'under test' } },
				},
			],
			connections: {
				Start: { main: [[{ node: 'Test', type: NodeConnectionTypes.Main, index: 0 }]] },
			},
		},
		{
			nodeTypes: { 'test.credentialTest': tester },
			credentialTypes: { [type.name]: type },
			credentials: { [type.name]: data },
		},
	);
	const error = run.data.resultData.error as (Error & { description?: string }) | undefined;
	if (run.status !== 'success')
		return { ok: false, message: error?.message, description: error?.description };
	// n8n's CredentialsTester then applies the rules to the first item: fail when get(json, key) === value
	const first = run.data.resultData.runData.Test?.[0]?.data?.main?.[0]?.[0]?.json;
	for (const rule of type.test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			get(first, rule.properties.key) === rule.properties.value
		) {
			return { ok: false, message: rule.properties.message };
		}
	}
	return { ok: true };
}

/**
 * A node's listSearch or loadOptions method, called the way the editor calls it: on a real
 * LoadOptionsContext whose current parameters are the node's parameters.
 */
export async function callNodeMethod(
	definition: WorkflowDefinition,
	nodeName: string,
	options: EngineOptions,
	method: { kind: 'listSearch' | 'loadOptions'; name: string; filter?: string },
): Promise<unknown> {
	const workflow = buildWorkflow(definition, options);
	const node = workflow.getNode(nodeName);
	if (!node) throw new Error(`no node named ${nodeName}`);
	const type = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const fn = (type.methods?.[method.kind] as Record<string, Function> | undefined)?.[method.name];
	if (!fn) throw new Error(`${node.type} has no ${method.kind} method ${method.name}`);
	const data = { ...additionalData(options), currentNodeParameters: node.parameters };
	const context = new LoadOptionsContext(workflow, node, data, 'parameters');
	return method.kind === 'listSearch'
		? await fn.call(context, method.filter)
		: await fn.call(context);
}
