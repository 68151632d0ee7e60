/**
 * Helpers for the tests of the tracker-object resources (campaign, stream, landing page…): a seeded
 * simulator per test, runs of one resource's operations, resource-locator values, and a check that
 * every operation of the resource ran in its test file.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { Keitaro } from '../../nodes/Keitaro/Keitaro.node';
import { type KeitaroSimulator, type RecordedRequest, seedDemo } from '../simulator';
import { callNodeMethod } from './engine';
import type { KeitaroRun } from './keitaro';
import {
	credentialsFor,
	engineOptions,
	keitaroWorkflow,
	runKeitaro,
	startSimulator,
} from './keitaro';

/** Resource-locator values as the editor stores them. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
export const fromList = (value: string | number) => ({
	__rl: true,
	mode: 'list',
	value: String(value),
});
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });

/** The operations the node offers for a resource, from its description. */
export function operationsOf(resource: string): string[] {
	const field = new Keitaro().description.properties.find(
		(p: INodeProperties) =>
			p.name === 'operation' &&
			(p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
	return ((field?.options ?? []) as INodePropertyOptions[]).map((o) => String(o.value)).sort();
}

export interface ResourceRun extends KeitaroRun {
	/** what the node put out: the list of records of a list operation, else the one record */
	data: IDataObject & IDataObject[];
}

/** Operations that answer with a list, so the node puts out an item per record (none when empty). */
const LIST_OPERATION =
	/^(getMany|getDeleted|getFiles|getTypes|getSchemas|getActionTypes|getEvents|search)$/;

/**
 * Sets up a simulator with the demo tracker before each test of the file, and returns what the
 * tests use. `expectEveryOperationRan()` belongs in the file's last test.
 */
export function trafficSuite(resource: string) {
	const ran = new Set<string>();
	let sim: KeitaroSimulator;
	beforeEach(async () => {
		sim = await startSimulator();
		seedDemo(sim.state, sim.now());
	});
	afterEach(async () => sim.stop());

	return {
		get sim() {
			return sim;
		},
		/** runs one operation of the resource (one input item) with the default output: records */
		async run(
			operation: string,
			parameters: IDataObject = {},
			options: Parameters<typeof runKeitaro>[2] = {},
		): Promise<ResourceRun> {
			ran.add(operation);
			const result = await runKeitaro(sim, { resource, operation, ...parameters }, options);
			const records = result.items.map((item) => item.json);
			if (!LIST_OPERATION.test(operation) && records.length > 1)
				throw new Error(`${operation} put out ${records.length} items for one input item`);
			const data = LIST_OPERATION.test(operation) ? records : records[0];
			return { ...result, data: data as ResourceRun['data'] };
		},
		/** Admin API requests the simulator received, optionally only those of one method */
		requests(method?: string): RecordedRequest[] {
			return sim.requests.filter(
				(r) => r.path.startsWith('/admin_api/v1/') && (!method || r.method === method),
			);
		},
		/** calls a listSearch / loadOptions method on a node with these parameters */
		async method(
			kind: 'listSearch' | 'loadOptions',
			name: string,
			parameters: IDataObject = {},
			filter?: string,
		): Promise<unknown> {
			return await callNodeMethod(
				keitaroWorkflow({ resource, ...parameters }),
				'Keitaro',
				engineOptions(credentialsFor(sim)),
				{ kind, name, filter },
			);
		},
		expectEveryOperationRan() {
			expect([...ran].sort()).toEqual(operationsOf(resource));
		},
	};
}

/** The parsed JSON body of a recorded request. */
export function bodyOf(request: RecordedRequest | undefined): IDataObject {
	return request?.body ? (JSON.parse(request.body) as IDataObject) : {};
}
