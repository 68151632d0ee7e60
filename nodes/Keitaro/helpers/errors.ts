import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * Machine-readable reasons carried by the node's own errors (`error.context.code`), shown in
 * Continue On Fail output so a workflow can branch on them.
 */
export type KeitaroErrorCode =
	| 'INVALID_INPUT'
	| 'NOT_FOUND'
	| 'CLICK_NOT_FOUND'
	| 'CLICK_MISMATCH'
	| 'ALREADY_EXISTS'
	| 'UNDOCUMENTED_TRANSITION'
	| 'NOT_CONFIRMED';

/** A problem with a value the user gave, found before anything is sent. */
export class InputError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

export function operationError(
	node: INode,
	itemIndex: number,
	code: KeitaroErrorCode,
	message: string,
	description: string,
	extra: Record<string, unknown> = {},
): NodeOperationError {
	const error = new NodeOperationError(node, message, { itemIndex, description });
	Object.assign(error.context, { code, ...extra });
	return error;
}

/** The node error for a value a parser refused (an InputError); n8n's own errors pass unchanged. */
export function invalidInput(node: INode, itemIndex: number, error: Error): Error {
	// n8n's constructors hand back an error that is already theirs
	if (error instanceof NodeApiError)
		return new NodeApiError(node, error as unknown as JsonObject, { itemIndex });
	if (error instanceof NodeOperationError)
		return new NodeOperationError(node, error, { itemIndex });
	const description = error instanceof InputError ? error.description : '';
	return operationError(node, itemIndex, 'INVALID_INPUT', error.message, description);
}
