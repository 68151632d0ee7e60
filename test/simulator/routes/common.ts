import { HttpError } from '../grid';

/** Keitaro answers a missing object with plain text, not JSON (docs/keitaro.md §1.4, seen live). */
export function notFound(model: string, id: string | number): never {
	throw new HttpError(
		404,
		`Traffic\\Model\\${model} #${id} not found`,
		'text/plain; charset=UTF-8',
	);
}

export function findById<T extends { id: number }>(items: T[], id: string, model: string): T {
	const found = items.find((item) => String(item.id) === id);
	return found ?? notFound(model, id);
}

/** Entity lists without paging answer the whole array (docs/keitaro.md §6). */
export function page<T>(items: T[], query: URLSearchParams): T[] {
	const offset = Number(query.get('offset') ?? 0);
	const limit = query.get('limit');
	return limit === null ? items.slice(offset) : items.slice(offset, offset + Number(limit));
}
