import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { objectLocator } from '../descriptions/locators';
import {
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
} from '../descriptions/options';
import { operationError } from '../helpers/errors';
import { readObjectId } from '../helpers/objectInput';
import type { KeitaroObject } from '../helpers/objects';
import { keitaroApiRequest } from '../transport';
import type { Endpoint, ItemOperation, OperationResult } from './node.type';

/**
 * Keitaro's file editor for local landing pages and offers (the files of their ZIP archive):
 * list, read, create, write and delete one file. The same endpoints exist below /landing_pages
 * and /offers.
 */
export type FileOperation = 'getFiles' | 'getFile' | 'createFile' | 'updateFile' | 'deleteFile';

const pathField: INodeProperties = {
	displayName: 'File Path',
	name: 'filePath',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'order/success.html',
	description: 'Path of the file inside the archive, as Get Files lists it',
};

const contentField: INodeProperties = {
	displayName: 'Content',
	name: 'content',
	type: 'string',
	default: '',
	typeOptions: { rows: 8 },
	description: 'The whole text of the file',
};

const FIELDS: Record<FileOperation, INodeProperties[]> = {
	getFiles: [],
	getFile: [pathField],
	createFile: [pathField, { ...contentField, description: 'Text of the new file; may stay empty' }],
	updateFile: [pathField, contentField],
	deleteFile: [pathField],
};

interface EditorEntry extends IDataObject {
	name: string;
	type: string;
	ext?: string;
	path: string;
	children?: EditorEntry[];
}

/** Keitaro answers the file tree from its top folder; a flat list is what a workflow can loop over. */
function flatten(entry: EditorEntry): IDataObject[] {
	const { children, ...own } = entry;
	return [own, ...(children ?? []).flatMap(flatten)];
}

function readPath(this: IExecuteFunctions, i: number): string {
	const path = String(this.getNodeParameter('filePath', i, '') ?? '')
		.trim()
		.replace(/^\/+/, '');
	if (!path || path.split('/').some((part) => part === '..' || part === '')) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			path ? `File Path "${path}" is not a path inside the archive` : 'File Path is empty',
			'Write it relative to the archive’s top folder, e.g. index.html or order/success.html.',
		);
	}
	return path;
}

export function fileOperation(object: KeitaroObject, operation: FileOperation): ItemOperation {
	const base = `${object.path}/{id}`;
	const endpoints: Record<FileOperation, Endpoint[]> = {
		getFiles: [{ method: 'GET', path: `${base}/get_structure` }],
		getFile: [{ method: 'GET', path: `${base}/get_file` }],
		createFile: [
			{ method: 'POST', path: `${base}/add_file` },
			{ method: 'PUT', path: `${base}/update_file` },
		],
		updateFile: [{ method: 'PUT', path: `${base}/update_file` }],
		deleteFile: [{ method: 'DELETE', path: `${base}/remove_file` }],
	};
	return {
		description: updateDisplayOptions(
			{ show: { resource: [object.resource], operation: [operation] } },
			[
				objectLocator(object),
				...FIELDS[operation],
				optionsCollection(concurrencyOption, requestDetailsOption),
			],
		),
		endpoints: endpoints[operation],
		async execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
			const id = readObjectId.call(this, i, object);
			const at = `${object.path}/${id}`;
			if (operation === 'getFiles') {
				const response = await keitaroApiRequest.call(this, {
					method: 'GET',
					path: `${at}/get_structure`,
				});
				const root = response.data as EditorEntry;
				return { data: (root.children ?? []).flatMap(flatten), request: response.request };
			}
			const path = readPath.call(this, i);
			const content = String(this.getNodeParameter('content', i, '') ?? '');
			// Keitaro's spec puts the path, and for update_file the content, in the query string
			const call = async (
				method: 'GET' | 'POST' | 'PUT' | 'DELETE',
				action: string,
				qs: IDataObject,
			) =>
				await keitaroApiRequest.call(this, {
					method,
					path: `${at}/${action}`,
					qs,
					idempotent: method !== 'POST',
				});
			if (operation === 'getFile') {
				const response = await call('GET', 'get_file', { path });
				return {
					data: { path, content: (response.data as IDataObject).data ?? '' },
					request: response.request,
				};
			}
			if (operation === 'deleteFile') {
				const response = await call('DELETE', 'remove_file', { path });
				return { data: { path, deleted: true }, request: response.request };
			}
			const done = { path, size: content.length };
			if (operation === 'createFile') {
				// add_file makes an empty file; the content follows like an update
				const created = await call('POST', 'add_file', { path });
				if (!content) return { data: { ...done, created: true }, request: created.request };
				const written = await call('PUT', 'update_file', { path, data: content });
				return { data: { ...done, created: true }, request: written.request };
			}
			const written = await call('PUT', 'update_file', { path, data: content });
			return { data: { ...done, saved: true }, request: written.request };
		},
	};
}
