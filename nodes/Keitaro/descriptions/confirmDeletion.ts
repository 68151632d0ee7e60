import type { INodeProperties } from 'n8n-workflow';

/**
 * The switch an operation that destroys data in Keitaro (statistics, logs, the bot list) needs
 * before it sends anything. `what` completes "Whether to …".
 */
export function confirmDeletionField(what: string): INodeProperties {
	return {
		displayName: 'Confirm Deletion',
		name: 'confirmDeletion',
		type: 'boolean',
		default: false,
		required: true,
		description: `Whether to ${what}. Keitaro cannot undo it; nothing is sent while this is off.`,
	};
}
