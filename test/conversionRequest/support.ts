import type { IDataObject } from 'n8n-workflow';

import { createHash } from 'node:crypto';

import type { KeitaroSimulator } from '../simulator';
import { jsonOf, runKeitaro } from '../support/keitaro';

/** One Conversion Request step over `items` (request records, or rows for Import). */
export async function requestStep(
	sim: KeitaroSimulator,
	operation: string,
	parameters: IDataObject = {},
	items?: IDataObject[],
	continueOnFail = false,
) {
	const run = await runKeitaro(
		sim,
		{ resource: 'conversionRequest', operation, ...parameters },
		{
			...(items ? { items } : {}),
			node: continueOnFail ? { onError: 'continueRegularOutput' } : {},
		},
	);
	return { ...run, records: jsonOf(run.items), second: jsonOf(run.outputs[1] ?? []) };
}

/** A stored request in any status, for tests of moves that need one. */
export function storedRequest(fields: IDataObject): IDataObject {
	const base: IDataObject = {
		type: 'change',
		request_status: 'inquired',
		version: 1,
		click_id: 'c1',
		tid: 't1',
		conversion_id: 1,
		target_status: 'sale',
		revenue: null,
		currency: '',
		sub_ids: '',
		snapshot_status: 'lead',
		snapshot_revenue: 0,
		requested_by: 'alice',
		attempts: 0,
		...fields,
	};
	base.request_id ??= `cr_${createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 24)}`;
	return base;
}
