import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requestField } from '../../descriptions/conversionRequest';
import { parseRequest, REQUEST_STATUSES } from '../../helpers/requests/record';
import type { BatchOutcome, Endpoint } from '../node.type';
import { LOCAL } from '../node.type';

const properties: INodeProperties[] = [requestField];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversionRequest'], operation: ['getStatusSummary'] } },
	properties,
);

export const endpoints: Endpoint[] = [LOCAL];

/**
 * One item for all input items: how many requests are in each status, why they were rejected or
 * failed, and whether every item is accounted for (an item that is not a request counts as such).
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const byStatus: IDataObject = Object.fromEntries(REQUEST_STATUSES.map((s) => [s, 0]));
	const byReason: Record<string, number> = {};
	let notRequests = 0;
	let requestedRevenue = 0;
	let processedRevenue = 0;
	for (let i = 0; i < itemCount; i++) {
		let status: string;
		let reason = '';
		try {
			const request = parseRequest(this.getNodeParameter('request', i));
			status = request.request_status;
			reason = request.reason_code;
			requestedRevenue += request.revenue ?? 0;
			if (status === 'processed') processedRevenue += request.result_revenue ?? 0;
		} catch {
			// a refused import row is not a full record but still names its status and reason
			const raw = this.getNodeParameter('request', i) as IDataObject;
			status =
				typeof raw === 'object' && raw && REQUEST_STATUSES.includes(raw.request_status as never)
					? String(raw.request_status)
					: '';
			reason = typeof raw === 'object' && raw ? String(raw.reason_code ?? '') : '';
			if (!status) notRequests++;
		}
		if (status) byStatus[status] = Number(byStatus[status]) + 1;
		if (reason) byReason[reason] = (byReason[reason] ?? 0) + 1;
	}
	const counted = REQUEST_STATUSES.reduce((sum, s) => sum + Number(byStatus[s]), 0);
	const summary: IDataObject = {
		total: itemCount,
		...byStatus,
		not_requests: notRequests,
		accounted_for: counted + notRequests === itemCount,
		open: Number(byStatus.inquired) + Number(byStatus.accepted),
		final: Number(byStatus.processed) + Number(byStatus.rejected),
		by_reason: byReason,
		requested_revenue: Math.round(requestedRevenue * 100) / 100,
		processed_revenue: Math.round(processedRevenue * 100) / 100,
	};
	return [
		{
			items: Array.from({ length: itemCount }, (_, i) => i),
			result: { data: summary, request: null },
		},
	];
}
