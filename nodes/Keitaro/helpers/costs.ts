import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseCurrency } from './conversionData';
import { InputError } from './errors';
import type { Period } from './period';
import { readPeriod, readTimeZone } from './period';

/** One entry of Keitaro's cost upload, checked (descriptions/costFields.ts). */
export interface CostEntry extends Period {
	cost: string;
	timezone: string;
	currency: string;
	filters?: IDataObject;
	onlyUniques: boolean;
}

/** Reads the cost fields of item `i`; an InputError names what is wrong. */
export function readCost(this: IExecuteFunctions, i: number): CostEntry {
	const timezone = readTimeZone(this.getNodeParameter('timezone', i, ''), this.getTimezone());
	const period = readPeriod(
		this.getNodeParameter('start', i),
		this.getNodeParameter('end', i),
		timezone,
	);
	const cost = Number(this.getNodeParameter('cost', i));
	if (!Number.isFinite(cost) || cost < 0) {
		throw new InputError(
			`Cost ${String(this.getNodeParameter('cost', i))} is not an amount`,
			'Enter the period’s total cost as a number of 0 or more, e.g. 125.5.',
		);
	}
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const filters: IDataObject = {};
	for (const row of ((extra.clickFilters as IDataObject)?.filter as IDataObject[]) ?? []) {
		const values = String(row.value ?? '')
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
		if (!values.length) {
			throw new InputError(
				`Click filter ${String(row.key)} has no value`,
				'Enter the value (or comma-separated values) the clicks must have, or remove the filter.',
			);
		}
		filters[String(row.key)] = values.join(',');
	}
	return {
		...period,
		cost: String(Math.round(cost * 1e4) / 1e4),
		timezone,
		currency: parseCurrency(this.getNodeParameter('currency', i), 'Currency'),
		...(Object.keys(filters).length ? { filters } : {}),
		onlyUniques: extra.onlyUniques === true,
	};
}
