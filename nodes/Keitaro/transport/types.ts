import type {
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
} from 'n8n-workflow';

export type KeitaroContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** What the node shows of a request it made: secrets masked. */
export interface RequestSummary extends IDataObject {
	method: string;
	url: string;
	headers: IDataObject;
}
