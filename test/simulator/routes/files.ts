/**
 * Keitaro's file editor of local landing pages and offers (`/landing_pages/{id}/get_structure`, …):
 * the files of the object's archive, kept in `state.files`. The spec passes path and content in the
 * query string.
 */
import { HttpError } from '../grid';
import type { SimulatorState } from '../state';
import { findById } from './common';
import type { Route } from './types';

type Base = '/landing_pages' | '/offers';

function filesOf(state: SimulatorState, base: Base, id: string, model: string) {
	const items = base === '/offers' ? state.offers : state.landings;
	const object = findById(items as Array<{ id: number }>, id, model);
	const key = `${base}/${object.id}`;
	if (!state.files.has(key)) state.files.set(key, new Map());
	return state.files.get(key)!;
}

function pathParam(query: URLSearchParams): string {
	const path = query.get('path') ?? '';
	if (!path || path.startsWith('/') || path.split('/').includes('..'))
		throw new HttpError(400, { error: `Invalid path "${path}"` });
	return path;
}

interface EditorEntry {
	name: string;
	type: 'directory' | 'file';
	ext: string;
	path: string;
	children: EditorEntry[];
}

/** The `EditorFiles` tree of a set of paths. */
function tree(paths: string[]): EditorEntry {
	const root: EditorEntry = { name: '', type: 'directory', ext: '', path: '', children: [] };
	for (const path of [...paths].sort()) {
		let node = root;
		const parts = path.split('/');
		parts.forEach((name, index) => {
			const isFile = index === parts.length - 1;
			let child = node.children.find((c) => c.name === name);
			if (!child) {
				child = {
					name,
					type: isFile ? 'file' : 'directory',
					ext: isFile && name.includes('.') ? name.split('.').pop()! : '',
					path: parts.slice(0, index + 1).join('/'),
					children: [],
				};
				node.children.push(child);
			}
			node = child;
		});
	}
	return root;
}

export function fileRoutes(base: Base, model: string): Route[] {
	return [
		{
			method: 'POST',
			path: `${base}/{id}/add_file`,
			handle: ({ state, params, query }) => {
				const files = filesOf(state, base, params.id, model);
				const path = pathParam(query);
				if (files.has(path)) throw new HttpError(400, { error: `File ${path} already exists` });
				files.set(path, '');
				return { path };
			},
		},
		{
			method: 'GET',
			path: `${base}/{id}/get_structure`,
			handle: ({ state, params }) => tree([...filesOf(state, base, params.id, model).keys()]),
		},
		{
			method: 'GET',
			path: `${base}/{id}/get_file`,
			handle: ({ state, params, query }) => {
				const files = filesOf(state, base, params.id, model);
				const path = pathParam(query);
				if (!files.has(path)) throw new HttpError(404, { error: `File ${path} not found` });
				return { data: files.get(path) };
			},
		},
		{
			method: 'PUT',
			path: `${base}/{id}/update_file`,
			handle: ({ state, params, query }) => {
				const files = filesOf(state, base, params.id, model);
				const path = pathParam(query);
				if (!files.has(path)) throw new HttpError(404, { error: `File ${path} not found` });
				files.set(path, query.get('data') ?? '');
				return { path };
			},
		},
		{
			method: 'DELETE',
			path: `${base}/{id}/remove_file`,
			handle: ({ state, params, query }) => {
				const files = filesOf(state, base, params.id, model);
				const path = pathParam(query);
				if (!files.delete(path)) throw new HttpError(404, { error: `File ${path} not found` });
				return { success: true };
			},
		},
	];
}
