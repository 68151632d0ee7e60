import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/** How one parameter is read for item i. */
type Reader = (i: number) => unknown;

/** `={{ $json.field }}` or `={{ $json["field"] }}`, and nothing else */
const JSON_FIELD = /^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([^'"\\]*)\2\s*\])\s*\}\}$/;

const readers = new WeakMap<IExecuteFunctions, Map<string, Reader>>();

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (value !== null && typeof value === 'object')
		return Object.values(value as IDataObject).some(hasExpression);
	return false;
}

function frozenCopy<T>(value: T): T {
	if (value === null || typeof value !== 'object') return value;
	const copy = (
		Array.isArray(value)
			? value.map(frozenCopy)
			: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, frozenCopy(v)]))
	) as T;
	return Object.freeze(copy);
}

function readerFor(context: IExecuteFunctions, path: string, raw: unknown): Reader {
	if (!hasExpression(raw)) {
		const constant = frozenCopy(raw);
		return () => constant;
	}
	if (typeof raw === 'string') {
		const match = JSON_FIELD.exec(raw);
		if (match) {
			const field = match[1] ?? match[3];
			const items = context.getInputData();
			return (i) => {
				const value = items[i]?.json[field];
				// what n8n's engine returns for a plain value; anything else goes through it
				return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
					? value
					: context.getNodeParameter(path, i);
			};
		}
		return (i) => context.getNodeParameter(path, i);
	}
	if (Array.isArray(raw)) return (i) => context.getNodeParameter(path, i);
	const children = Object.entries(raw as IDataObject).map(([key, value]): [string, Reader] => [
		key,
		readerFor(context, `${path}.${key}`, value),
	]);
	return (i) => Object.fromEntries(children.map(([key, read]) => [key, read(i)]));
}

/**
 * `this.getNodeParameter(name, i, fallback)` for node code that reads every item of a large
 * input, without n8n's expression engine where it is not needed (a third of the node's CPU in
 * BENCHMARKS.md's profile): a value with no expression is read once for all items (frozen: read
 * it, never change it), and `{{ $json.field }}` whose field holds a string, number or boolean is
 * that field of item i's input, as the engine would answer. Every other expression goes through
 * getNodeParameter, item by item.
 */
export function itemParameter(
	this: IExecuteFunctions,
	name: string,
	i: number,
	fallback?: unknown,
): IDataObject[string] {
	let byName = readers.get(this);
	if (!byName) readers.set(this, (byName = new Map()));
	let read = byName.get(name);
	if (!read) {
		const raw: unknown = this.getNodeParameter(name, 0, fallback, { rawExpressions: true });
		read = readerFor(this, name, raw);
		byName.set(name, read);
	}
	return read(i) as IDataObject[string];
}
