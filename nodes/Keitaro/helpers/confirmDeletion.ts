import type { IExecuteFunctions } from 'n8n-workflow';

import { operationError } from './errors';

/** Stops an item whose Confirm Deletion switch is off, before anything is sent. */
export function requireDeletionConfirmed(this: IExecuteFunctions, i: number, what: string): void {
	if (this.getNodeParameter('confirmDeletion', i, false) === true) return;
	throw operationError(
		this.getNode(),
		i,
		'INVALID_INPUT',
		`Confirm Deletion is off: the node did not ${what}`,
		`This deletes data in Keitaro for good. Switch on "Confirm Deletion" to ${what}.`,
	);
}
