import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { InputError } from '../errors';
import { keitaroDateTime } from '../range';
import type { CheckRules } from './checks';

const DAY_MS = 86_400_000;

function utcDateTime(date: Date): string {
	return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** The check rules of one item's Options (see descriptions/conversionRequest.ts). */
export function readCheckRules(
	this: IExecuteFunctions,
	i: number,
	offerTakesPayout: CheckRules['offerTakesPayout'],
	now: Date,
): CheckRules {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const locks: string[] = [];
	const lockBefore = String(options.lockBefore ?? '').trim();
	if (lockBefore) {
		const value = keitaroDateTime(lockBefore, 'UTC');
		if (!value) {
			throw new InputError(
				`Lock Conversions Before "${lockBefore}" is not a date`,
				'Pick a date or leave it empty.',
			);
		}
		locks.push(value.length === 10 ? `${value} 00:00:00` : value);
	}
	const days = Number(options.lockOlderThanDays ?? 0);
	if (days > 0) locks.push(utcDateTime(new Date(now.getTime() - days * DAY_MS)));
	return {
		allowUndocumentedTransitions: options.allowUndocumentedTransitions === true,
		lockedBefore: locks.sort()[locks.length - 1],
		offerTakesPayout,
	};
}

/** The same person, however they typed their name or address. */
export function samePerson(a: string, b: string): boolean {
	return a.trim().toLowerCase() === b.trim().toLowerCase();
}
