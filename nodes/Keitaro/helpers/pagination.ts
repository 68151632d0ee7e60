import type { IExecuteFunctions } from 'n8n-workflow';

/** How many records item `i` asks for: undefined with Return All (descriptions/pagination.ts). */
export function readLimit(this: IExecuteFunctions, i: number): number | undefined {
	return this.getNodeParameter('returnAll', i)
		? undefined
		: (this.getNodeParameter('limit', i) as number);
}
