import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { InputError, invalidInput } from '../../helpers/errors';
import { readCheckRules } from '../../helpers/requests/rules';
import type { ReadItems } from '../../helpers/batch';
import { inInputOrder, readItems, recordOutcome } from '../../helpers/batch';
import { checkAll } from '../../helpers/requests/checkAll';
import type { Stage } from '../../helpers/requests/checks';
import type { ConversionRequest, Move } from '../../helpers/requests/record';
import {
	MOVES,
	moved,
	moveProblem,
	parseRequest,
	rejectedOrFailed,
} from '../../helpers/requests/record';
import type { BatchOutcome, Endpoint } from '../node.type';

/** Checking a request reads the click's conversions, the click, and the offers' payout rule. */
export const REQUEST_LOOKUP_ENDPOINTS: Endpoint[] = [
	{ method: 'POST', path: '/conversions/log' },
	{ method: 'POST', path: '/clicks/log' },
	{ method: 'GET', path: '/offers' },
];

export const requestTypeField: INodeProperties = {
	displayName: 'Request Type',
	name: 'requestType',
	type: 'options',
	default: 'auto',
	options: [
		{
			name: 'By Whether the Conversion Exists',
			value: 'auto',
			description: 'Change the conversion if Keitaro has it (same click and tid), else create it',
		},
		{
			name: 'Change Existing',
			value: 'change',
			description: 'Change status, revenue or sub IDs of a tracked conversion',
		},
		{
			name: 'Create New',
			value: 'create',
			description: 'Create a missing or untracked conversion',
		},
	],
};

export const openRequestsOption: INodeProperties = {
	displayName: 'Open Requests',
	name: 'openRequests',
	type: 'json',
	default: '[]',
	description:
		'A list of stored requests to check against, e.g. the open requests read from the Data Table, given as an expression. A new request for a conversion that already has an open one is refused (DUPLICATE_REQUEST); one identical to a stored request comes out as that request, unchanged.',
};

/**
 * The Open Requests option of item 0 as a list of records, once the rule options are known to be
 * valid; a problem with either comes back as the refusal of item 0, before any request.
 */
export function readRaiseOptions(
	this: IExecuteFunctions,
	now: Date,
): { openRequests: IDataObject[] } | { refused: BatchOutcome[] } {
	try {
		readCheckRules.call(this, 0, () => undefined, now);
		return { openRequests: readOpenRequests.call(this) };
	} catch (error) {
		return { refused: [{ items: [0], error: invalidInput(this.getNode(), 0, error as Error) }] };
	}
}

function readOpenRequests(this: IExecuteFunctions): IDataObject[] {
	let value = this.getNodeParameter('options.openRequests', 0, []) as unknown;
	if (typeof value === 'string') {
		try {
			value = value.trim() ? JSON.parse(value) : [];
		} catch {
			value = undefined;
		}
	}
	if (!Array.isArray(value)) {
		throw new InputError(
			'Open Requests must be a list of stored requests',
			"Use an expression such as {{ $('Read open requests').all().map(i => i.json) }}, or leave it as [].",
		);
	}
	return value as IDataObject[];
}

/** Reads the Request of every item and checks the move is allowed from its status. */
export function readRequests(
	this: IExecuteFunctions,
	itemCount: number,
	move: Move,
): ReadItems<ConversionRequest> {
	return readItems(this, itemCount, (i) => {
		const request = parseRequest(this.getNodeParameter('request', i));
		const problem = moveProblem(request, move);
		if (problem)
			throw new InputError(
				problem,
				`A request moves inquired → accepted | rejected, accepted → processed | failed, failed → accepted | rejected.`,
			);
		return request;
	});
}

/** The Approver / Rejected By / … field of an item, required. */
export function readActor(this: IExecuteFunctions, i: number, label: string): string {
	const actor = String(this.getNodeParameter('actor', i, '') ?? '').trim();
	if (!actor)
		throw new InputError(
			`${label} is empty`,
			`Say who decides, e.g. the approver’s email or chat user ID; it is stored in the request.`,
		);
	return actor;
}

/** How Accept and Retry Failed decide: who acts, what may move, when the checks run. */
export interface Decision {
	move: Move;
	actorLabel: string;
	stage: Stage;
	/** where the checks ran, for the reason message of a request they refuse */
	checkedAt: string;
	/** a rule of the operation itself (four-eyes), run on every item before any request */
	vet?: (request: ConversionRequest, actor: string, i: number) => void;
}

/**
 * Moves every request to accepted once the checks against Keitaro pass again, or to rejected with
 * the reason when they do not. Items that cannot make the move are refused before any request.
 */
export async function decideAfterChecks(
	this: IExecuteFunctions,
	itemCount: number,
	decision: Decision,
): Promise<BatchOutcome[]> {
	const now = new Date();
	const entries = readItems(this, itemCount, (i) => {
		const request = parseRequest(this.getNodeParameter('request', i));
		const problem = moveProblem(request, decision.move);
		if (problem)
			throw new InputError(
				problem,
				`Only a request that is ${MOVES[decision.move].from.join(' or ')} can be ${MOVES[decision.move].label}.`,
			);
		const actor = readActor.call(this, i, decision.actorLabel);
		decision.vet?.(request, actor, i);
		return { request, actor };
	});
	if (entries.stop) return entries.refused.slice(0, 1);
	const checked = await checkAll.call(
		this,
		entries.read.map((e) => ({ index: e.index, request: e.value.request })),
		decision.stage,
		now,
	);
	const at = now.toISOString();
	const decided = entries.read.map(({ index, value: { request, actor } }, n) => {
		const { verdict } = checked[n];
		const changes = { decided_by: actor, decided_at: at };
		return recordOutcome(
			index,
			verdict.ok
				? moved(request, 'accepted', { ...changes, reason_code: '', reason_message: '' })
				: rejectedOrFailed(
						request,
						'rejected',
						verdict.code,
						`Checked ${decision.checkedAt}: ${verdict.message}`,
						changes,
					),
		);
	});
	return inInputOrder([...entries.refused, ...decided]);
}
