import type { AllEntities, IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { RequestSummary } from '../transport';

type KeitaroMap = {
	conversion: 'create' | 'get' | 'getMany' | 'update';
};

export type KeitaroType = AllEntities<KeitaroMap>;

/** What one operation made of one input item; the router wraps it in the output envelope. */
export interface OperationResult {
	/** one record, or a list (Data Only then outputs one item per record) */
	data: IDataObject | IDataObject[];
	/** the request that mattered (the change, or the read), secrets masked */
	request: RequestSummary | null;
}

export interface KeitaroOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, i: number): Promise<OperationResult>;
}
