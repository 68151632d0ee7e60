/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
/**
 * What the routes of Keitaro's tracker objects (campaigns, streams, landing pages, offers, sources,
 * networks, domains) share: Keitaro's validation answer, archive state, and checks of common fields.
 */
import { HttpError } from '../grid';
import type { SimulatorState } from '../state';
import { keitaroDate } from '../state';
import { findById, page } from './common';
import type { Route } from './types';

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

export interface ObjectRouteSpec<T extends Stateful> {
	/** the list path, e.g. `/offers`; the object is `${path}/{id}` */
	path: string;
	/** the model in Keitaro's 404 text (`Traffic\Model\Offer #7 not found`) */
	model: string;
	items(state: SimulatorState): T[];
	/** the read model, where it differs from what is stored */
	view?(state: SimulatorState, item: T): unknown;
	/** whether Keitaro lists the objects at `path` (there is no GET /streams) and pages the list */
	list?: 'paged' | 'whole' | false;
	/** checks the body like Keitaro (throwing its 406/422 before changing anything), then writes it */
	write(
		state: SimulatorState,
		item: T,
		body: Record<string, any>,
		creating: boolean,
		now: Date,
	): void;
	/** stores a new object (the fixture builder); not needed with `create` */
	add?(state: SimulatorState, fields: Partial<T>): T;
	/** answers POST itself, where Keitaro's create is not one object */
	create?(state: SimulatorState, body: Record<string, any>, now: Date): unknown;
	/** where DELETE archives, after `${path}/{id}` (offers: `/archive`) and what it answers */
	archive?: { suffix?: string; answer?: (state: SimulatorState, item: T) => unknown };
	clone?: { method: 'POST' | 'PUT'; copy(state: SimulatorState, item: T, now: Date): T };
	/** the archive's own endpoints: GET `${path}/deleted` and POST `${path}/{id}/restore` */
	archiveEndpoints?: boolean;
	/** POST `${path}/{id}/enable` and `/disable` */
	enableDisable?: boolean;
}

/** The Admin API routes of one kind of tracker object, in an order where fixed paths win. */
export function objectRoutes<T extends Stateful>(spec: ObjectRouteSpec<T>): Route[] {
	const { path, model } = spec;
	const show = (state: SimulatorState, item: T) => (spec.view ? spec.view(state, item) : item);
	const one = (state: SimulatorState, id: string) => findById(spec.items(state), id, model);
	const state =
		(to: string): Route['handle'] =>
		(ctx) =>
			show(ctx.state, setState(one(ctx.state, ctx.params.id), to, ctx.now));
	const routes: Route[] = [];
	if (spec.list !== false) {
		routes.push({
			method: 'GET',
			path,
			handle: (ctx) => {
				const items = notArchived(spec.items(ctx.state));
				const listed = spec.list === 'paged' ? page(items, ctx.query) : items;
				return listed.map((item) => show(ctx.state, item));
			},
		});
	}
	if (spec.archiveEndpoints) {
		routes.push({
			method: 'GET',
			path: `${path}/deleted`,
			handle: (ctx) => archivedOnly(spec.items(ctx.state)).map((item) => show(ctx.state, item)),
		});
	}
	routes.push(
		{
			method: 'GET',
			path: `${path}/{id}`,
			handle: (ctx) => show(ctx.state, one(ctx.state, ctx.params.id)),
		},
		{
			method: 'POST',
			path,
			handle: ({ state, body, now }) => {
				if (spec.create) return spec.create(state, bodyOf(body), now);
				// written to a draft first, so a refused object is not stored
				const draft = {} as T;
				spec.write(state, draft, bodyOf(body), true, now);
				const at = keitaroDate(now);
				return show(state, spec.add!(state, { ...draft, created_at: at, updated_at: at }));
			},
		},
		{
			method: 'PUT',
			path: `${path}/{id}`,
			handle: (ctx) => {
				const item = one(ctx.state, ctx.params.id);
				spec.write(ctx.state, item, bodyOf(ctx.body), false, ctx.now);
				item.updated_at = keitaroDate(ctx.now);
				return show(ctx.state, item);
			},
		},
		{
			method: 'DELETE',
			path: `${path}/{id}${spec.archive?.suffix ?? ''}`,
			handle: (ctx) => {
				const item = setState(one(ctx.state, ctx.params.id), 'deleted', ctx.now);
				return spec.archive?.answer ? spec.archive.answer(ctx.state, item) : show(ctx.state, item);
			},
		},
	);
	const clone = spec.clone;
	if (clone) {
		routes.push({
			method: clone.method,
			path: `${path}/{id}/clone`,
			handle: (ctx) =>
				show(ctx.state, clone.copy(ctx.state, one(ctx.state, ctx.params.id), ctx.now)),
		});
	}
	if (spec.enableDisable) {
		routes.push(
			{ method: 'POST', path: `${path}/{id}/disable`, handle: state('disabled') },
			{ method: 'POST', path: `${path}/{id}/enable`, handle: state('active') },
		);
	}
	if (spec.archiveEndpoints)
		routes.push({ method: 'POST', path: `${path}/{id}/restore`, handle: state('active') });
	return routes;
}

/** A copy under "<name> (copy)" with a new ID and fresh timestamps, for the clone routes. */
export function copyFields<T extends { id: number; name: string }>(item: T, now: Date) {
	return {
		...withoutId(structuredClone(item)),
		name: copyName(item.name),
		created_at: keitaroDate(now),
		updated_at: keitaroDate(now),
	};
}
