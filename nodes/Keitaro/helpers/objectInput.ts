import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BodyField, BodyMode } from '../descriptions/objectFields';
import { fieldsFor } from '../descriptions/objectFields';
import { locatorName } from '../descriptions/locators';
import { InputError, invalidInput, operationError } from './errors';
import type { KeitaroObject } from './objects';

/** A Keitaro ID from a field value: a whole number above 0. */
export function parseId(value: unknown, label: string): number {
	const text = String(value ?? '').trim();
	if (!text)
		throw new InputError(`${label} is empty`, `Choose the ${label} from the list or enter its ID.`);
	if (!/^[0-9]+$/.test(text) || Number(text) === 0) {
		throw new InputError(
			`${label} "${text}" is not a Keitaro ID`,
			'Keitaro IDs are whole numbers above 0, shown in the ID column of each list in Keitaro.',
		);
	}
	return Number(text);
}

/** The ID chosen in an object's resource locator (list, ID or admin-panel URL). */
export function readObjectId(this: IExecuteFunctions, i: number, object: KeitaroObject): number {
	const value = this.getNodeParameter(locatorName(object), i, '', { extractValue: true });
	try {
		return parseId(value, object.displayName);
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
}

function isEmpty(value: unknown): boolean {
	return value === undefined || value === null || String(value).trim() === '';
}

/**
 * The request body of a create or update from the fields of one item: each value converted to
 * what Keitaro expects. Update sends only the fields the user added.
 */
export function readBody(
	this: IExecuteFunctions,
	i: number,
	fields: BodyField[],
	mode: BodyMode,
): IDataObject {
	const usable = fieldsFor(fields, mode);
	const values: IDataObject = {
		...(this.getNodeParameter(
			mode === 'create' ? 'additionalFields' : 'updateFields',
			i,
			{},
		) as IDataObject),
	};
	if (mode === 'create') {
		for (const f of usable.filter((x) => x.required))
			values[f.field.name] = this.getNodeParameter(f.field.name, i);
	}
	const body: IDataObject = {};
	try {
		for (const f of usable) {
			const value = values[f.field.name];
			if (value === undefined) continue;
			if (f.required && isEmpty(value)) {
				throw new InputError(
					`${f.field.displayName} is empty`,
					`Keitaro needs a ${f.field.displayName.toLowerCase()}; enter one.`,
				);
			}
			body[f.key] = f.toKeitaro ? f.toKeitaro(value) : value;
		}
	} catch (error) {
		throw invalidInput(this.getNode(), i, error as Error);
	}
	if (mode === 'update' && !Object.keys(body).length) {
		throw operationError(
			this.getNode(),
			i,
			'INVALID_INPUT',
			'Nothing to update',
			'Add the fields to change under "Update Fields".',
		);
	}
	return body;
}

/* Conversions from n8n field values to Keitaro's body values. */

/** Keitaro wants some group IDs as strings (campaigns, landings) and others as numbers (offers). */
export const groupIdAsString = (value: unknown) =>
	isEmpty(value) ? '' : String(parseId(value, 'Group'));
export const idAsNumber = (label: string) => (value: unknown) =>
	isEmpty(value) ? 0 : parseId(value, label);

/** "AU, DE\nFR" → ["AU", "DE", "FR"] */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value ?? '')
		.split(/[,\n]/)
		.map((v) => v.trim())
		.filter(Boolean);
}

/** The Parameters field's rows → Keitaro's `parameters` map (`SourceParameters`). */
export function toParameters(value: unknown): IDataObject {
	const rows = ((value as IDataObject)?.parameter as IDataObject[] | undefined) ?? [];
	const parameters: IDataObject = {};
	for (const row of rows) {
		const key = String(row.key ?? '');
		if (parameters[key]) {
			throw new InputError(
				`Parameters: ${key} is set twice`,
				'Each Keitaro value can take one URL parameter; remove one of the rows.',
			);
		}
		parameters[key] = {
			name: String(row.name ?? ''),
			placeholder: String(row.placeholder ?? ''),
			alias: String(row.alias ?? ''),
		};
	}
	return parameters;
}
