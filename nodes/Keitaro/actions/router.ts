import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY } from '../descriptions/options';
import { forEachLimited } from '../helpers/concurrency';
import * as affiliateNetwork from './affiliateNetwork';
import * as campaign from './campaign';
import * as conversion from './conversion';
import * as domain from './domain';
import * as filter from './filter';
import * as group from './group';
import * as landing from './landing';
import * as offer from './offer';
import * as stream from './stream';
import * as trafficSource from './trafficSource';
import type { KeitaroOperation, KeitaroType, OperationResult } from './node.type';

export function operationFor(type: KeitaroType): KeitaroOperation | undefined {
	switch (type.resource) {
		case 'conversion':
			return conversion[type.operation];
		case 'affiliateNetwork':
			return affiliateNetwork.operations[type.operation];
		case 'campaign':
			return campaign.operations[type.operation];
		case 'domain':
			return domain.operations[type.operation];
		case 'filter':
			return filter.operations[type.operation];
		case 'group':
			return group.operations[type.operation];
		case 'landing':
			return landing.operations[type.operation];
		case 'offer':
			return offer.operations[type.operation];
		case 'stream':
			return stream.operations[type.operation];
		case 'trafficSource':
			return trafficSource.operations[type.operation];
		default:
			return undefined;
	}
}

function errorItem(
	error: Error,
	resource: string,
	operation: string,
	i: number,
): INodeExecutionData {
	const context = ((error as NodeApiError).context ?? {}) as IDataObject;
	const httpCode = (error as NodeApiError).httpCode;
	return {
		json: {
			success: false,
			resource,
			operation,
			error: {
				message: error.message,
				description: (error as NodeApiError).description ?? null,
				status: httpCode ? Number(httpCode) : null,
				code:
					(context.code as string) ??
					(error instanceof NodeApiError ? 'KEITARO_API_ERROR' : 'ERROR'),
			},
			request: (context.request as IDataObject) ?? null,
		},
		pairedItem: { item: i },
	};
}

/**
 * Runs the chosen operation for every input item, a few items at a time (the Concurrency
 * option), and wraps each result as `{success, resource, operation, request, data}`, or only the
 * data with Data Only. One error policy for all operations: Continue On Fail turns an error into
 * an item; otherwise the first failing item (by position) stops the node.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationFor({ resource, operation } as KeitaroType);
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const concurrency =
		Number(this.getNodeParameter('options.concurrency', 0, DEFAULT_CONCURRENCY)) || 1;
	const output: INodeExecutionData[][] = new Array(items.length);
	let failure: { index: number; error: Error } | undefined;

	const wrap = (result: OperationResult, i: number): INodeExecutionData[] => {
		const dataOnly = this.getNodeParameter('options.dataOnly', i, false) as boolean;
		const json = dataOnly
			? result.data
			: { success: true, resource, operation, request: result.request, data: result.data };
		return this.helpers.constructExecutionMetaData(
			this.helpers.returnJsonArray(json as IDataObject),
			{
				itemData: { item: i },
			},
		);
	};

	await forEachLimited(
		items.length,
		concurrency,
		async (i) => {
			try {
				output[i] = wrap(await module.execute.call(this, i), i);
			} catch (error) {
				if (this.continueOnFail()) {
					output[i] = [errorItem(error as Error, resource, operation, i)];
				} else if (!failure || i < failure.index) {
					failure = { index: i, error: error as Error };
				}
			}
		},
		() => failure !== undefined,
	);

	if (failure) {
		const { error, index } = failure;
		if (error instanceof NodeApiError)
			throw new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex: index });
		throw new NodeOperationError(this.getNode(), error, { itemIndex: index });
	}
	return [output.flat()];
}
