import type { INodeProperties } from 'n8n-workflow';

import * as accept from './accept.operation';
import * as getStatusSummary from './getStatusSummary.operation';
import * as importRequests from './import.operation';
import * as processRequests from './process.operation';
import * as raise from './raise.operation';
import * as reject from './reject.operation';
import * as retryFailed from './retryFailed.operation';
import * as withdraw from './withdraw.operation';

export {
	accept,
	getStatusSummary,
	importRequests as import,
	processRequests as process,
	raise,
	reject,
	retryFailed,
	withdraw,
};

export const description: INodeProperties[] = [
	{
		displayName:
			'Conversion Requests add a review step Keitaro does not have: someone raises a request, someone else accepts or rejects it, then Process applies it. Keep the request records in a Data Table (or any storage) between the steps.',
		name: 'conversionRequestNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['conversionRequest'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversionRequest'] } },
		options: [
			{
				name: 'Accept',
				value: 'accept',
				description: 'Accept an inquired request (four-eyes, checked again)',
				action: 'Accept a conversion request',
			},
			{
				name: 'Get Status Summary',
				value: 'getStatusSummary',
				description: 'Count requests by status and reason',
				action: 'Summarize conversion requests',
			},
			{
				name: 'Import',
				value: 'import',
				description:
					'Raise requests from many rows (e.g. a reconciliation file); valid and invalid rows come out apart',
				action: 'Import conversion requests',
			},
			{
				name: 'Process',
				value: 'process',
				description: 'Apply accepted requests to Keitaro and confirm them',
				action: 'Process conversion requests',
			},
			{
				name: 'Raise',
				value: 'raise',
				description: 'Ask to create a missing conversion or change an existing one',
				action: 'Raise a conversion request',
			},
			{
				name: 'Reject',
				value: 'reject',
				description: 'Reject an inquired or failed request with a reason code',
				action: 'Reject a conversion request',
			},
			{
				name: 'Retry Failed',
				value: 'retryFailed',
				description: 'Send a failed request back to processing after checking it again',
				action: 'Retry a failed conversion request',
			},
			{
				name: 'Withdraw',
				value: 'withdraw',
				description: 'The requester takes back an inquired request',
				action: 'Withdraw a conversion request',
			},
		],
		default: 'raise',
	},
	...accept.description,
	...getStatusSummary.description,
	...importRequests.description,
	...processRequests.description,
	...raise.description,
	...reject.description,
	...retryFailed.description,
	...withdraw.description,
];
