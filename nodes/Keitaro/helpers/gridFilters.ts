import type { IDataObject } from 'n8n-workflow';

import type { NamedFilterName } from '../descriptions/gridFilters';
import { NAMED_FILTERS } from '../descriptions/gridFilters';
import type { KeitaroFilter } from './conversions';
import { InputError } from './errors';

const LIST_OPERATORS = new Set(['IN_LIST', 'NOT_IN_LIST', 'BETWEEN']);
const VALUELESS_OPERATORS = new Set(['IS_SET', 'IS_NOT_SET', 'IS_TRUE', 'IS_FALSE']);
const LABELS = ['whitelist', 'blacklist'];

function list(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean);
}

function namedFilter(name: NamedFilterName, value: unknown): KeitaroFilter | undefined {
	const { column, field } = NAMED_FILTERS[name];
	if (field.type === 'multiOptions') {
		const values = (value as string[] | undefined) ?? [];
		return values.length ? { name: column, operator: 'IN_LIST', expression: values } : undefined;
	}
	if (field.type === 'number') {
		return Number(value) > 0
			? { name: column, operator: 'EQUALS', expression: Number(value) }
			: undefined;
	}
	const values = list(value).map((v) => (name === 'countryCode' ? v.toUpperCase() : v));
	if (values.length > 1) return { name: column, operator: 'IN_LIST', expression: values };
	return values.length ? { name: column, operator: 'EQUALS', expression: values[0] } : undefined;
}

/** One Column Filter as Keitaro's FilterRequest; an InputError when it cannot work. */
function columnFilter(row: IDataObject, position: number): KeitaroFilter {
	const where = `Column Filter ${position}`;
	const column = String(row.column ?? '').trim();
	const operator = String(row.operator ?? 'EQUALS');
	const raw = String(row.value ?? '').trim();
	if (!column) throw new InputError(`${where} has no column`, 'Choose the column to filter on.');
	if (VALUELESS_OPERATORS.has(operator)) return { name: column, operator, expression: '' };
	if (!raw) {
		throw new InputError(
			`${where} (${column}) has no value`,
			'Enter the value to compare with, or pick an operator such as Is Set that needs none.',
		);
	}
	if (operator === 'HAS_LABEL' || operator === 'NOT_HAS_LABEL') {
		if (!LABELS.includes(raw.toLowerCase())) {
			throw new InputError(
				`${where} (${column}): label "${raw}" is not a Keitaro label`,
				'Keitaro’s labels are whitelist and blacklist.',
			);
		}
		return { name: column, operator, expression: raw.toLowerCase() };
	}
	if (!LIST_OPERATORS.has(operator)) return { name: column, operator, expression: raw };
	const values = list(raw);
	if (operator === 'BETWEEN' && values.length !== 2) {
		throw new InputError(
			`${where} (${column}): Between needs two values, got ${values.length}`,
			'Write the lower and the upper bound separated by a comma, e.g. 10,20.',
		);
	}
	return { name: column, operator, expression: values };
}

/**
 * The `filters` of a grid query from the Filters collection (descriptions/gridFilters.ts): the
 * named filters in their fixed order, then the Column Filters in the order given.
 */
export function readGridFilters(filters: IDataObject, named: NamedFilterName[]): KeitaroFilter[] {
	const out: KeitaroFilter[] = [];
	for (const name of Object.keys(NAMED_FILTERS) as NamedFilterName[]) {
		if (!named.includes(name)) continue;
		const filter = namedFilter(name, filters[name]);
		if (filter) out.push(filter);
	}
	const rows = ((filters.columnFilters as IDataObject | undefined)?.filter as IDataObject[]) ?? [];
	rows.forEach((row, n) => out.push(columnFilter(row, n + 1)));
	return out;
}
