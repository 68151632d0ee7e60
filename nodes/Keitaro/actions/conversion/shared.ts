import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { confirmTimeoutOption, postbackConcurrencyOption } from '../../descriptions/options';
import type { ConcurrencyLimit } from '../../helpers/concurrency';
import { concurrencyLimit } from '../../helpers/concurrency';
import { postbackLogFor } from '../../helpers/conversions';
import { operationError } from '../../helpers/errors';
import { optionNumber } from '../../helpers/options';
import type { RequestSummary } from '../../transport';

/** How a batch of postbacks runs: the Options of the first item (Max Concurrency, Confirm Change, …). */
export function batchSettings(this: IExecuteFunctions): {
	concurrency: ConcurrencyLimit;
	confirmTimeoutMs?: number;
} {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		concurrency: concurrencyLimit.call(this, postbackConcurrencyOption),
		confirmTimeoutMs:
			options.confirm === false
				? undefined
				: optionNumber.call(this, 0, confirmTimeoutOption) * 1000,
	};
}

/** Keitaro queued the postback but the conversions log never showed the change: say why if Keitaro logged it. */
export async function notConfirmedError(
	this: IExecuteFunctions,
	index: number,
	clickId: string,
	message: string,
	request: RequestSummary,
): Promise<Error> {
	const log = await postbackLogFor.call(this, clickId);
	return operationError(
		this.getNode(),
		index,
		'NOT_CONFIRMED',
		message,
		`Keitaro applies postbacks from a queue. Its received-postbacks log says:\n${log.join('\n') || '(nothing for this click)'}`,
		{ request },
	);
}
