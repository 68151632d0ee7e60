/* eslint-disable @typescript-eslint/no-explicit-any */ // request bodies are untyped JSON, checked by hand like Keitaro does
import type { SimulatorState } from '../state';

export interface RouteContext {
	state: SimulatorState;
	now: Date;
	params: Record<string, string>;
	query: URLSearchParams;
	body: any;
}

/** An Admin API route; `path` is written exactly as in the OpenAPI spec (the contract test relies on it). */
export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	handle(ctx: RouteContext): unknown;
}
