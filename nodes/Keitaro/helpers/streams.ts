import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Endpoint, OperationResult } from '../actions/node.type';
import type { ApiResponse } from '../transport';
import { keitaroApiRequest } from '../transport';
import { InputError, operationError } from './errors';
import { parseId, splitList } from './objectInput';

/**
 * A stream's offers, landing pages and filters. Keitaro's stream PUT replaces each of these lists
 * whole (docs/keitaro.md §2.2), so a change to one row is a read, a merge and a write of the full list.
 */
export type StreamList = 'offers' | 'landings' | 'filters';

/** the field that tells the rows of a list apart */
export const ROW_KEY: Record<StreamList, string> = {
	offers: 'offer_id',
	landings: 'landing_id',
	filters: 'name',
};

/** what Keitaro accepts of a row (`OfferStreamRequest`, `LandingStreamRequest`, `FilterStreamRequest`) */
const WRITABLE: Record<StreamList, string[]> = {
	offers: ['offer_id', 'share', 'state'],
	landings: ['landing_id', 'share', 'state'],
	filters: ['id', 'name', 'mode', 'payload'],
};

/** A row the user set; `remove` takes the row off the stream. */
export type RowChange = IDataObject & { remove?: boolean };

/** The read model types a filter's payload as a string, the write model as a list: both come back. */
function payloadList(payload: unknown): string[] {
	if (Array.isArray(payload)) return payload.map(String);
	const text = String(payload ?? '');
	if (text.startsWith('[')) {
		try {
			return (JSON.parse(text) as unknown[]).map(String);
		} catch {
			// not JSON after all: one value
		}
	}
	return text ? [text] : [];
}

function writableRow(list: StreamList, row: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const field of WRITABLE[list]) if (row[field] !== undefined) out[field] = row[field];
	if (list === 'filters') out.payload = payloadList(out.payload);
	return out;
}

/**
 * The full list to send: the stream's current rows with the changes applied. A change to a row
 * that exists replaces its values, a new one is added at the end, `remove` drops one.
 */
export function mergeRows(list: StreamList, current: unknown, changes: RowChange[]): IDataObject[] {
	const key = ROW_KEY[list];
	const rows = (Array.isArray(current) ? (current as IDataObject[]) : []).map((row) =>
		writableRow(list, row),
	);
	for (const { remove, ...change } of changes) {
		const index = rows.findIndex((row) => String(row[key]) === String(change[key]));
		if (remove) {
			if (index >= 0) rows.splice(index, 1);
		} else if (index >= 0) {
			rows[index] = { ...rows[index], ...change };
		} else {
			rows.push(change);
		}
	}
	return rows;
}

/** Rows of the Offers / Landing Pages fields → `[{offer_id, share, state}]`. */
export function toShareRows(list: 'offers' | 'landings', label: string) {
	return (value: unknown): RowChange[] => {
		const rows = ((value as IDataObject)?.row as IDataObject[] | undefined) ?? [];
		return rows.map((row) => {
			const id = parseId(row.id, label);
			if (row.state === 'remove') return { [ROW_KEY[list]]: id, remove: true };
			const share = Number(row.share);
			if (!Number.isInteger(share) || share < 0 || share > 100) {
				throw new InputError(
					`${label}: share ${String(row.share)} of ${id} is not a whole percentage`,
					'Keitaro takes shares as whole numbers from 0 to 100.',
				);
			}
			return { [ROW_KEY[list]]: id, share, state: row.state || 'active' };
		});
	};
}

/** Rows of the Filters field → `[{name, mode, payload: [...]}]`. */
export function toFilterRows(value: unknown): RowChange[] {
	const rows = ((value as IDataObject)?.row as IDataObject[] | undefined) ?? [];
	return rows.map((row) => {
		const name = String(row.name ?? '').trim();
		if (!name) {
			throw new InputError('Filters: a filter has no type', 'Choose the filter type of each row.');
		}
		if (row.mode === 'remove') return { name, remove: true };
		return { name, mode: row.mode || 'accept', payload: splitList(row.payload) };
	});
}

export async function getStream(
	this: IExecuteFunctions,
	id: number,
): Promise<ApiResponse<IDataObject>> {
	return (await keitaroApiRequest.call(this, {
		method: 'GET',
		path: `/streams/${id}`,
	})) as ApiResponse<IDataObject>;
}

/** What changeStream calls, the write first. */
export const STREAM_CHANGE_ENDPOINTS: Endpoint[] = [
	{ method: 'PUT', path: '/streams/{id}' },
	{ method: 'GET', path: '/streams/{id}' },
];

/**
 * Reads the stream, then PUTs what `change` makes of it. Keitaro's stream PUT wants the
 * action type and schema every time (docs/keitaro.md §8.7): the current ones go along unless changed.
 */
export async function changeStream(
	this: IExecuteFunctions,
	id: number,
	change: (stream: IDataObject) => IDataObject,
): Promise<OperationResult> {
	const { data: stream } = await getStream.call(this, id);
	const body: IDataObject = {
		action_type: stream.action_type,
		schema: stream.schema,
		...change(stream),
	};
	const response = await keitaroApiRequest.call(this, {
		method: 'PUT',
		path: `/streams/${id}`,
		body,
	});
	return { data: response.data as IDataObject, request: response.request };
}

/** The filter type chosen in the Filter field of the Filter operations. */
export function readFilterType(this: IExecuteFunctions, i: number): string {
	const name = String(this.getNodeParameter('name', i, '') ?? '').trim();
	if (!name) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			'Filter is empty',
			'Choose the filter type, e.g. country; Get Types lists them.',
		);
	}
	return name;
}
