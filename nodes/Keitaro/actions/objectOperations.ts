import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { BodyField } from '../descriptions/objectFields';
import { bodyProperties } from '../descriptions/objectFields';
import { objectLocator } from '../descriptions/locators';
import {
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
	simplifyOption,
} from '../descriptions/options';
import { limitField, returnAllField } from '../descriptions/pagination';
import { readBody, readObjectId } from '../helpers/objectInput';
import type { KeitaroObject } from '../helpers/objects';
import { listObjects, simplify } from '../helpers/objects';
import type { ApiRequest } from '../transport';
import { keitaroApiRequest } from '../transport';
import type { Endpoint, ItemOperation, KeitaroOperation, OperationResult } from './node.type';

/**
 * The operations every tracker object shares (get, list, create, update, archive, clone…), built
 * from the object's description. An operation file names its operation with one of these.
 */

function describe(
	resource: string,
	operation: string,
	properties: INodeProperties[],
): INodeProperties[] {
	return updateDisplayOptions(
		{ show: { resource: [resource], operation: [operation] } },
		properties,
	);
}

function wantsSimplify(this: IExecuteFunctions, i: number): boolean {
	return this.getNodeParameter('options.simplify', i, false) as boolean;
}

async function send(this: IExecuteFunctions, request: ApiRequest): Promise<OperationResult> {
	const response = await keitaroApiRequest.call(this, request);
	return { data: response.data as IDataObject | IDataObject[], request: response.request };
}

/** GET `{path}/{id}`: one object by its locator. `before` are fields shown above the locator. */
export function getObject(object: KeitaroObject, before: INodeProperties[] = []): ItemOperation {
	return {
		description: describe(object.resource, 'get', [
			...before,
			objectLocator(object),
			optionsCollection(concurrencyOption, requestDetailsOption, simplifyOption),
		]),
		endpoints: [{ method: 'GET', path: `${object.path}/{id}` }],
		async execute(this: IExecuteFunctions, i: number) {
			const id = readObjectId.call(this, i, object);
			const result = await send.call(this, { method: 'GET', path: `${object.path}/${id}` });
			if (wantsSimplify.call(this, i))
				result.data = simplify(result.data as IDataObject, object.simplify);
			return result;
		},
	};
}

export interface ListDefinition {
	operation: string;
	/** the endpoint as written in the spec */
	endpoint: string;
	/** fields above Return All (a campaign, a search text…) */
	fields?: INodeProperties[];
	/** the path and query for one item, when they are not just `endpoint` */
	request?: (this: IExecuteFunctions, i: number) => { path: string; qs?: IDataObject };
	/** whether the endpoint pages with offset/limit */
	paged?: boolean;
}

/** A GET list with Return All / Limit and Simplify. */
export function getObjects(object: KeitaroObject, list: ListDefinition): ItemOperation {
	const options = object.simplify.length
		? optionsCollection(requestDetailsOption, simplifyOption)
		: optionsCollection(requestDetailsOption);
	return {
		description: describe(object.resource, list.operation, [
			...(list.fields ?? []),
			returnAllField,
			limitField,
			options,
		]),
		endpoints: [{ method: 'GET', path: list.endpoint }],
		async execute(this: IExecuteFunctions, i: number) {
			const { path, qs } = list.request?.call(this, i) ?? { path: list.endpoint };
			const returnAll = this.getNodeParameter('returnAll', i) as boolean;
			const limit = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
			const response = await listObjects.call(this, path, { paged: list.paged, qs, limit });
			const rows = wantsSimplify.call(this, i)
				? response.data.map((row) => simplify(row, object.simplify))
				: response.data;
			return { data: rows, request: response.request };
		},
	};
}

/** A GET of one of Keitaro's catalogues (stream types, filter types…): small, never paged. */
export function getCatalogue(resource: string, operation: string, path: string): ItemOperation {
	return {
		description: describe(resource, operation, [optionsCollection(requestDetailsOption)]),
		endpoints: [{ method: 'GET', path }],
		async execute(this: IExecuteFunctions) {
			return await send.call(this, { method: 'GET', path });
		},
	};
}

export interface ActionDefinition {
	operation: string;
	method: 'POST' | 'PUT' | 'DELETE';
	/** what follows `{path}/{id}`, e.g. `/clone` */
	suffix?: string;
	body?: IDataObject;
	/** fields shown above the locator */
	before?: INodeProperties[];
}

/**
 * One call on one object: archive, restore, clone, enable… The output is Keitaro's answer, or
 * `{id, success}` when Keitaro answers without the object.
 */
export function objectAction(object: KeitaroObject, action: ActionDefinition): ItemOperation {
	const suffix = action.suffix ?? '';
	return {
		description: describe(object.resource, action.operation, [
			...(action.before ?? []),
			objectLocator(object),
			optionsCollection(concurrencyOption, requestDetailsOption),
		]),
		endpoints: [{ method: action.method, path: `${object.path}/{id}${suffix}` }],
		async execute(this: IExecuteFunctions, i: number) {
			const id = readObjectId.call(this, i, object);
			const result = await send.call(this, {
				method: action.method,
				path: `${object.path}/${id}${suffix}`,
				body: action.body,
			});
			const answer = result.data as IDataObject;
			if (!answer || typeof answer !== 'object' || Array.isArray(answer) || !('id' in answer))
				result.data = { id, success: true };
			return result;
		},
	};
}

export interface CreateDefinition {
	fields: BodyField[];
	/** fields shown first (a campaign for a stream, a group type) */
	before?: INodeProperties[];
	/** adds what the fields do not give (the campaign ID, a generated alias) */
	complete?: (this: IExecuteFunctions, i: number, body: IDataObject) => IDataObject;
}

/** POST `{path}`: a new object from the fields. Never retried: a repeat would create two. */
export function createObject(object: KeitaroObject, create: CreateDefinition): ItemOperation {
	return {
		description: describe(object.resource, 'create', [
			...(create.before ?? []),
			...bodyProperties(create.fields, 'create'),
			optionsCollection(concurrencyOption, requestDetailsOption),
		]),
		endpoints: [{ method: 'POST', path: object.path }],
		async execute(this: IExecuteFunctions, i: number) {
			let body = readBody.call(this, i, create.fields, 'create');
			if (create.complete) body = create.complete.call(this, i, body);
			const result = await send.call(this, {
				method: 'POST',
				path: object.path,
				body,
				idempotent: false,
			});
			// Keitaro answers a create that can make several objects (POST /domains) with a list
			if (Array.isArray(result.data) && result.data.length === 1) result.data = result.data[0];
			return result;
		},
	};
}

export interface UpdateDefinition {
	fields: BodyField[];
	/** fields shown above the locator */
	before?: INodeProperties[];
	/** sends the change when a plain PUT of the fields is not enough, with the endpoints it calls */
	write?: {
		endpoints: Endpoint[];
		send(this: IExecuteFunctions, id: number, changes: IDataObject): Promise<OperationResult>;
	};
}

/** PUT `{path}/{id}` with only the fields the user set (Keitaro's PUT is partial). */
export function updateObject(object: KeitaroObject, update: UpdateDefinition): ItemOperation {
	return {
		description: describe(object.resource, 'update', [
			...(update.before ?? []),
			objectLocator(object),
			...bodyProperties(update.fields, 'update'),
			optionsCollection(concurrencyOption, requestDetailsOption),
		]),
		endpoints: update.write?.endpoints ?? [{ method: 'PUT', path: `${object.path}/{id}` }],
		async execute(this: IExecuteFunctions, i: number) {
			const id = readObjectId.call(this, i, object);
			const body = readBody.call(this, i, update.fields, 'update');
			if (update.write) return await update.write.send.call(this, id, body);
			return await send.call(this, { method: 'PUT', path: `${object.path}/${id}`, body });
		},
	};
}

type OptionText = Omit<INodePropertyOptions, 'value'>;

/** The wording of the operations most objects share, for a noun such as "campaign". */
function commonOptionText(operation: string, noun: string): OptionText | undefined {
	const one = `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
	const many = `${noun}s`;
	const text: Record<string, [string, string, string]> = {
		archive: [
			'Archive',
			`Move ${one} to Keitaro’s archive (Keitaro’s "delete"; Restore brings it back)`,
			`Archive ${one}`,
		],
		clone: ['Clone', `Copy ${one}`, `Clone ${one}`],
		create: ['Create', `Create ${one}`, `Create ${one}`],
		createFile: ['Create File', `Add a file to ${one} with local files`, `Create a file in ${one}`],
		deleteFile: ['Delete File', `Remove a file from ${one}`, `Delete a file of ${one}`],
		disable: ['Disable', `Stop ${one} from taking traffic`, `Disable ${one}`],
		enable: ['Enable', `Let a disabled ${noun} take traffic again`, `Enable ${one}`],
		get: ['Get', `Get ${one}`, `Get ${one}`],
		getDeleted: ['Get Archived', `List the archived ${many}`, `Get archived ${many}`],
		getFile: ['Get File', `Read a file of ${one} with local files`, `Get a file of ${one}`],
		getFiles: ['Get Files', `List the files of ${one} with local files`, `Get files of ${one}`],
		getMany: ['Get Many', `List ${many}`, `Get many ${many}`],
		restore: ['Restore', `Bring an archived ${noun} back`, `Restore ${one}`],
		update: ['Update', `Change the fields of ${one}`, `Update ${one}`],
		updateFile: ['Update File', `Replace the text of a file of ${one}`, `Update a file of ${one}`],
	};
	const entry = text[operation];
	return entry && { name: entry[0], description: entry[1], action: entry[2] };
}

/**
 * A resource's part of the node description: its Operation field (one option per operation,
 * sorted by name, each with an action) followed by every operation's fields. `texts` words the
 * operations that are not common to several objects.
 */
export function resourceDescription(
	object: Pick<KeitaroObject, 'resource' | 'displayName'>,
	defaultOperation: string,
	operations: Record<string, KeitaroOperation>,
	texts: Record<string, OptionText> = {},
): INodeProperties[] {
	const noun = object.displayName.toLowerCase();
	const options = Object.keys(operations)
		.map((value) => {
			const text = texts[value] ?? commonOptionText(value, noun);
			if (!text) throw new Error(`No option text for ${object.resource}.${value}`);
			return { ...text, value };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [object.resource] } },
			options,
			default: defaultOperation,
		},
		...options.flatMap((option) => operations[option.value].description),
	];
}
