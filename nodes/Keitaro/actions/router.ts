import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { concurrencyOption, requestDetailsOption, timeoutOption } from '../descriptions/options';
import { forEachLimited } from '../helpers/concurrency';
import { optionNumber } from '../helpers/options';
import { setRequestTimeout } from '../transport';
import * as affiliateNetwork from './affiliateNetwork';
import * as campaign from './campaign';
import * as conversion from './conversion';
import * as conversionRequest from './conversionRequest';
import * as botList from './botList';
import * as click from './click';
import * as domain from './domain';
import * as filter from './filter';
import * as group from './group';
import * as landing from './landing';
import * as log from './log';
import * as offer from './offer';
import * as postback from './postback';
import * as settings from './settings';
import * as statistics from './statistics';
import * as stream from './stream';
import * as trafficSource from './trafficSource';
import * as user from './user';
import type {
	BatchOperation,
	BatchOutcome,
	ItemOperation,
	KeitaroOperation,
	KeitaroType,
} from './node.type';

export function operationFor(type: KeitaroType): KeitaroOperation | undefined {
	switch (type.resource) {
		case 'conversion':
			return conversion[type.operation];
		case 'conversionRequest':
			return conversionRequest[type.operation];
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
		case 'click':
			return click[type.operation];
		case 'statistics':
			return statistics[type.operation];
		case 'log':
			return log[type.operation];
		case 'postback':
			return postback[type.operation];
		case 'user':
			return user[type.operation];
		case 'blacklist':
		case 'bot':
			return botList[type.operation];
		case 'settings':
			return settings[type.operation];
		default:
			return undefined;
	}
}

/**
 * A failed item with Continue On Fail, shaped as n8n's own nodes shape it: `error` is the message,
 * `details` what else is known. n8n sends an item to a node's error output ("On Error: Continue
 * (using error output)") only when its JSON has no keys but `error`, `message` and `details`.
 */
function errorItem(error: Error, i: number): INodeExecutionData {
	const context = ((error as NodeApiError).context ?? {}) as IDataObject;
	const httpCode = (error as NodeApiError).httpCode;
	return {
		json: {
			error: error.message,
			details: {
				description: (error as NodeApiError).description ?? null,
				status: httpCode ? Number(httpCode) : null,
				code:
					(context.code as string) ??
					(error instanceof NodeApiError ? 'KEITARO_API_ERROR' : 'ERROR'),
				request: (context.request as IDataObject) ?? null,
			},
		},
		pairedItem: { item: i },
	};
}

function asNodeError(this: IExecuteFunctions, error: Error, itemIndex: number): Error {
	if (error instanceof NodeApiError) {
		return new NodeApiError(this.getNode(), error as unknown as JsonObject, { itemIndex });
	}
	return new NodeOperationError(this.getNode(), error, { itemIndex });
}

/** Runs an item operation for every item, `concurrency` at a time; stops starting new ones after an error unless Continue On Fail. */
async function eachItem(
	this: IExecuteFunctions,
	operation: ItemOperation,
	itemCount: number,
	concurrency: number,
): Promise<BatchOutcome[]> {
	const outcomes: BatchOutcome[] = new Array(itemCount);
	let failed = false;
	await forEachLimited(
		itemCount,
		concurrency,
		async (i) => {
			try {
				outcomes[i] = { items: [i], result: await operation.execute.call(this, i) };
			} catch (error) {
				outcomes[i] = { items: [i], error: error as Error };
				failed = !this.continueOnFail();
			}
		},
		() => failed,
	);
	return outcomes.filter(Boolean);
}

/**
 * Runs a batch operation over all items. When the batch fails as a whole (Keitaro unreachable for
 * its look-ups), every item fails with that reason, so Continue On Fail still yields one item each.
 */
async function eachBatch(
	this: IExecuteFunctions,
	operation: BatchOperation,
	itemCount: number,
): Promise<BatchOutcome[]> {
	try {
		return await operation.executeBatch.call(this, itemCount);
	} catch (error) {
		return Array.from({ length: itemCount }, (_, i) => ({ items: [i], error: error as Error }));
	}
}

/**
 * Runs the chosen operation over the input items (item operations a few at a time, the Concurrency
 * option; batch operations all at once) and puts out Keitaro's records as n8n nodes do: one item per
 * record of a list (none for an empty list), the object itself otherwise. Include Request Details
 * puts out one item per result instead, `{success, resource, operation, request, data}`, with the
 * request sent (secrets masked); operations that sent none (Conversion Request records) have no
 * details to add. One error policy for all operations: Continue On Fail turns an error into an
 * item; otherwise the first failing item (by position) stops the node.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const itemCount = this.getInputData().length;
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = operationFor({ resource, operation } as KeitaroType);
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	const concurrency = optionNumber.call(this, 0, concurrencyOption);
	setRequestTimeout(this, optionNumber.call(this, 0, timeoutOption) * 1000);

	const outcomes =
		'executeBatch' in module
			? await eachBatch.call(this, module, itemCount)
			: await eachItem.call(this, module, itemCount, concurrency);
	const outputs: INodeExecutionData[][] = Array.from(
		{ length: 'executeBatch' in module ? (module.outputNames?.length ?? 1) : 1 },
		() => [],
	);
	for (const outcome of outcomes) {
		const [first] = outcome.items;
		if ('error' in outcome) {
			if (!this.continueOnFail()) throw asNodeError.call(this, outcome.error, first);
			outputs[0].push(errorItem(outcome.error, first));
			continue;
		}
		const { result } = outcome;
		const details =
			result.request !== null &&
			this.getNodeParameter(`options.${requestDetailsOption.name}`, first, false) === true;
		const envelope = (data: IDataObject | IDataObject[]): IDataObject => ({
			success: true,
			resource,
			operation,
			request: result.request,
			data,
		});
		const pairedItem =
			outcome.items.length === 1 ? { item: first } : outcome.items.map((item) => ({ item }));
		const records = Array.isArray(result.data) ? result.data : [result.data];
		const output = outputs[outcome.output ?? 0];
		// one by one: spreading a list of some 130,000 items or more into push() overflows the stack
		if (result.files) {
			for (const [n, file] of result.files.entries())
				output.push({
					json: details ? envelope(records[n]) : records[n],
					binary: { data: file },
					pairedItem,
				});
		} else if (details) {
			output.push({ json: envelope(result.data), pairedItem });
		} else {
			for (const json of records) output.push({ json, pairedItem });
		}
	}
	return outputs;
}
