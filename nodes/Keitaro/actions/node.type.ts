import type {
	AllEntities,
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
} from 'n8n-workflow';

import type { RequestSummary } from '../transport';

/** Landing pages and offers: the common operations plus Keitaro's file editor. */
type ObjectWithFiles =
	| 'archive'
	| 'clone'
	| 'create'
	| 'createFile'
	| 'deleteFile'
	| 'get'
	| 'getFile'
	| 'getFiles'
	| 'getMany'
	| 'restore'
	| 'update'
	| 'updateFile';

/** Blacklist and Bot: the seed node's two names for Keitaro's one IP list, the bot list. */
type BotListOperation = 'add' | 'clear' | 'get' | 'remove' | 'replace';

type KeitaroMap = {
	conversion: 'create' | 'findByClick' | 'get' | 'getMany' | 'update';
	conversionRequest:
		| 'accept'
		| 'getStatusSummary'
		| 'import'
		| 'process'
		| 'raise'
		| 'reject'
		| 'retryFailed'
		| 'withdraw';
	affiliateNetwork: 'archive' | 'clone' | 'create' | 'get' | 'getMany' | 'update';
	campaign:
		| 'archive'
		| 'clone'
		| 'create'
		| 'disable'
		| 'enable'
		| 'get'
		| 'getDeleted'
		| 'getMany'
		| 'restore'
		| 'update'
		| 'updateCosts';
	domain:
		| 'archive'
		| 'checkStatus'
		| 'create'
		| 'get'
		| 'getDeleted'
		| 'getMany'
		| 'restore'
		| 'update';
	filter: 'delete' | 'getMany' | 'getTypes' | 'upsert';
	group: 'create' | 'delete' | 'getMany' | 'update';
	landing: ObjectWithFiles;
	offer: ObjectWithFiles;
	stream:
		| 'archive'
		| 'create'
		| 'disable'
		| 'enable'
		| 'get'
		| 'getActionTypes'
		| 'getDeleted'
		| 'getEvents'
		| 'getMany'
		| 'getSchemas'
		| 'getTypes'
		| 'restore'
		| 'search'
		| 'update';
	trafficSource: 'archive' | 'clone' | 'create' | 'get' | 'getMany' | 'restore' | 'update';
	click: 'cleanStats' | 'getLog' | 'updateCosts';
	statistics: 'buildReport' | 'getLabels' | 'updateLabels';
	log: 'clear' | 'getEntries' | 'getTypes';
	postback: 'getReceived' | 'send';
	user: 'create' | 'delete' | 'get' | 'getMany' | 'update' | 'updateAccess';
	blacklist: BotListOperation;
	bot: BotListOperation;
	settings: 'get' | 'update';
};

export type KeitaroType = AllEntities<KeitaroMap>;

/** What one operation made of one input item; the router turns it into output items. */
export interface OperationResult {
	/** one record (one item), or a list (an item per record, none when empty) */
	data: IDataObject | IDataObject[];
	/** the request that mattered (the change, or the read), secrets masked */
	request: RequestSummary | null;
	/** a file for each record of `data` (the pages of a log): the router puts out an item per file */
	files?: IBinaryData[];
}

/**
 * A Keitaro endpoint an operation calls: a path of the Admin API as written in Keitaro's OpenAPI
 * spec (relative to /admin_api/v1), or the tracker's postback URL. The operation reference
 * (docs/operations.md) and the coverage test read these.
 */
export type Endpoint =
	| { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string }
	| { method: 'GET'; postback: true }
	| { local: true };

export const POSTBACK: Endpoint = { method: 'GET', postback: true };

/** No call to Keitaro: the operation works on the request records in the items. */
export const LOCAL: Endpoint = { local: true };

interface OperationModule {
	description: INodeProperties[];
	/** every endpoint the operation may call, the one that does the work first */
	endpoints: readonly Endpoint[];
}

/** Most operations: one input item at a time (the router runs a few at once). */
export interface ItemOperation extends OperationModule {
	execute(this: IExecuteFunctions, i: number): Promise<OperationResult>;
}

/**
 * Operations that need all input items at once: bulk endpoints, look-ups batched across items,
 * counts over items. They return outcomes that name the input items they came from.
 */
export interface BatchOperation extends OperationModule {
	/** names of the node's outputs for this operation, when it has more than one */
	outputNames?: string[];
	executeBatch(this: IExecuteFunctions, itemCount: number): Promise<BatchOutcome[]>;
}

export type BatchOutcome =
	| { items: number[]; result: OperationResult; output?: number }
	| { items: number[]; error: Error };

export type KeitaroOperation = ItemOperation | BatchOperation;
