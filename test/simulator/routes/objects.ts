/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
/**
 * What the routes of Keitaro's tracker objects (campaigns, streams, landing pages, offers, sources,
 * networks, domains) share: Keitaro's validation answer, archive state, and checks of common fields.
 */
import { HttpError } from '../grid';
import type { SimulatorState } from '../state';
import { keitaroDate } from '../state';

/**
 * Keitaro's answer to values it refuses: a map of field → messages, with 406 (the spec) or 422
 * (recent builds, seen live for campaign aliases).
 */
export function invalid(fields: Record<string, string>, status: 406 | 422 = 406): never {
	const body: Record<string, string[]> = {};
	for (const [field, message] of Object.entries(fields)) body[field] = [message];
	throw new HttpError(status, body);
}

interface Stateful {
	id: number;
	state: string;
	updated_at: string;
}

export const notArchived = <T extends Stateful>(items: T[]) =>
	items.filter((item) => item.state !== 'deleted');
export const archivedOnly = <T extends Stateful>(items: T[]) =>
	items.filter((item) => item.state === 'deleted');

export function setState<T extends Stateful>(item: T, state: string, now: Date): T {
	item.state = state;
	item.updated_at = keitaroDate(now);
	return item;
}

export function isObject(body: unknown): body is Record<string, any> {
	return typeof body === 'object' && body !== null && !Array.isArray(body);
}

/** The request body as an object; Keitaro refuses anything else. */
export function bodyOf(body: unknown): Record<string, any> {
	if (!isObject(body)) throw new HttpError(400, { error: 'Request body must be a JSON object' });
	return body;
}

/** A name on create, or on update when sent. */
export function checkName(body: Record<string, any>, creating: boolean, status: 406 | 422 = 406) {
	if ((creating || 'name' in body) && !String(body.name ?? '').trim())
		invalid({ name: 'Name is required' }, status);
}

export function checkEnum(body: Record<string, any>, field: string, allowed: readonly string[]) {
	if (field in body && !allowed.includes(String(body[field])))
		invalid({ [field]: `Must be one of: ${allowed.join(', ')}` });
}

/** An optional group: 0/"" for none, else a group of the right type. */
export function checkGroup(
	state: SimulatorState,
	body: Record<string, any>,
	type: 'campaigns' | 'offers' | 'landings',
): number | undefined {
	if (!('group_id' in body)) return undefined;
	const id = Number(body.group_id || 0);
	if (id && !state.groups.some((g) => g.id === id && g.type === type))
		invalid({ group_id: `Group #${id} is not a group of ${type}` });
	return id;
}

export function checkUrl(body: Record<string, any>, field: string) {
	const value = String(body[field] ?? '');
	if (value && !/^https?:\/\/[^\s/]+/.test(value)) invalid({ [field]: 'Must be a valid URL' });
}

const CURRENCIES = new Set((Intl as any).supportedValuesOf('currency') as string[]);

export function checkCurrency(body: Record<string, any>, field: string) {
	const value = String(body[field] ?? '');
	if (value && !CURRENCIES.has(value.toUpperCase()))
		invalid({ [field]: `Unknown currency "${value}"` });
}

/** Copies the writable fields that are present in the body. */
export function assign(target: Record<string, any>, body: Record<string, any>, fields: string[]) {
	for (const field of fields) if (field in body) target[field] = body[field];
}

/** The name Keitaro gives a copy. */
export const copyName = (name: string) => `${name} (copy)`;

/** An object's fields without its ID, to build a copy with a new one. */
export function withoutId<T extends { id: number }>(item: T): Omit<T, 'id'> {
	const copy: Partial<T> = { ...item };
	delete copy.id;
	return copy as Omit<T, 'id'>;
}
