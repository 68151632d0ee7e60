import type { INodeProperties } from 'n8n-workflow';

/** Entries of the "Options" collections; each operation picks the ones that apply to it. */

/**
 * The older Keitaro node's output: the request sent (API key and postback key masked) around
 * Keitaro's answer. Off, the node puts out Keitaro's records as n8n nodes do.
 */
export const requestDetailsOption: INodeProperties = {
	displayName: 'Include Request Details',
	name: 'includeRequestDetails',
	type: 'boolean',
	default: false,
	description:
		'Whether to put out one item per input item as {success, resource, operation, request, data}: the request sent to Keitaro (keys masked) around its answer, instead of one item per record',
};

export const simplifyOption: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: false,
	description:
		'Whether to keep only the fields people usually read instead of every field Keitaro sends',
};

export const DEFAULT_CONCURRENCY = 4;

export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	default: DEFAULT_CONCURRENCY,
	typeOptions: { minValue: 1, maxValue: 32 },
	description:
		'How many input items are sent to Keitaro at the same time. Keitaro runs on one server; more than 4–8 rarely helps.',
};

/**
 * Keitaro queues postbacks, so each is light for the tracker: the operations that send them run
 * more at once (BENCHMARKS.md, S1: 2.6× faster at 20 ms latency than 4 at a time).
 */
export const postbackConcurrencyOption: INodeProperties = {
	...concurrencyOption,
	default: 16,
	description:
		'How many postbacks are sent to Keitaro at the same time. Keitaro queues postbacks, so they are light for it; lower this if the tracker or a proxy in front of it answers 429 or slows down.',
};

export const DEFAULT_TIMEOUT_SECONDS = 30;

export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeout',
	type: 'number',
	default: DEFAULT_TIMEOUT_SECONDS,
	typeOptions: { minValue: 1, maxValue: 600 },
	description: 'How long to wait for each answer from Keitaro before the request counts as failed',
};

export const confirmOption: INodeProperties = {
	displayName: 'Confirm Change',
	name: 'confirm',
	type: 'boolean',
	default: true,
	description:
		'Whether to wait until the change shows in Keitaro’s conversions log. Keitaro queues postbacks, so "Success" alone only means "accepted".',
};

export const confirmTimeoutOption: INodeProperties = {
	displayName: 'Confirm Timeout (Seconds)',
	name: 'confirmTimeout',
	type: 'number',
	default: 30,
	typeOptions: { minValue: 1, maxValue: 600 },
	description: 'How long to wait for the change to show before the item fails',
};

export const allowUndocumentedTransitionsOption: INodeProperties = {
	displayName: 'Allow Undocumented Transitions',
	name: 'allowUndocumentedTransitions',
	type: 'boolean',
	default: false,
	description:
		'Whether to send status changes Keitaro does not document (it documents lead → sale, lead → rejected, sale → rejected and rebill → rejected)',
};

export const outputOption: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'items',
	options: [
		{
			name: 'Items',
			value: 'items',
			description: 'One item per row',
		},
		{
			name: 'CSV File per Page',
			value: 'csv',
			description:
				'One item per page of rows, with the page as a CSV file (a header line, then a line per row)',
		},
		{
			name: 'JSON Lines File per Page',
			value: 'jsonl',
			description:
				'One item per page of rows, with the page as a JSON Lines file (a JSON object per line)',
		},
	],
	description:
		'Files suit logs of hundreds of thousands of rows: n8n stores each file (on disk by default) as soon as its page arrives, so memory holds a page or two, not the whole log',
};

export const rowsPerFileOption: INodeProperties = {
	displayName: 'Rows per File',
	name: 'rowsPerFile',
	type: 'number',
	default: 10_000,
	typeOptions: { minValue: 100, maxValue: 50_000 },
	description:
		'How many rows each file holds (one request to Keitaro per file). Only for file output.',
};

/** The Options of operations that send postbacks and wait for Keitaro to show them. */
export const postbackOptions: INodeProperties[] = [
	postbackConcurrencyOption,
	confirmOption,
	confirmTimeoutOption,
	requestDetailsOption,
	timeoutOption,
];

/** The "Options" collection of an operation, its entries sorted by name. */
export function optionsCollection(...options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The "Additional Fields" collection of an operation, its fields sorted by name. */
export function additionalFieldsCollection(...fields: INodeProperties[]): INodeProperties {
	return {
		...optionsCollection(...fields),
		displayName: 'Additional Fields',
		name: 'additionalFields',
		placeholder: 'Add Field',
	};
}
