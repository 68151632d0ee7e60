import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	concurrencyOption,
	requestDetailsOption,
	optionsCollection,
	timeoutOption,
} from '../../descriptions/options';
import { equals, findConversions } from '../../helpers/conversions';
import { parseConversionId } from '../../helpers/conversionData';
import { invalidInput, operationError } from '../../helpers/errors';
import type { Endpoint, OperationResult } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		default: 'conversionId',
		options: [
			{ name: 'Conversion ID', value: 'conversionId' },
			{
				name: 'Click ID and Transaction ID',
				value: 'click',
				description: 'The click’s subid and the tid, the pair Keitaro matches postbacks by',
			},
		],
	},
	{
		displayName: 'Conversion ID',
		name: 'conversionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '1024',
		displayOptions: { show: { getBy: ['conversionId'] } },
	},
	{
		displayName: 'Click ID',
		name: 'clickId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { getBy: ['click'] } },
		description: 'The click’s Keitaro subid, the value of the {subid} macro',
	},
	{
		displayName: 'Transaction ID',
		name: 'tid',
		type: 'string',
		default: '',
		displayOptions: { show: { getBy: ['click'] } },
		description: 'Empty finds the click’s conversion that has no tid',
	},
	optionsCollection(concurrencyOption, requestDetailsOption, timeoutOption),
];

export const endpoints: Endpoint[] = [{ method: 'POST', path: '/conversions/log' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversion'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<OperationResult> {
	const node = this.getNode();
	const getBy = this.getNodeParameter('getBy', i) as 'conversionId' | 'click';
	let lookup;
	let what: string;
	if (getBy === 'conversionId') {
		let id: string;
		try {
			id = parseConversionId(
				this.getNodeParameter('conversionId', i),
				'To find a conversion by click and tid, change "Get By".',
			);
		} catch (error) {
			throw invalidInput(node, i, error as Error);
		}
		what = `Conversion ${id}`;
		lookup = await findConversions.call(this, [equals('conversion_id', Number(id))]);
	} else {
		const clickId = String(this.getNodeParameter('clickId', i) ?? '').trim();
		const tid = String(this.getNodeParameter('tid', i, '') ?? '').trim();
		if (!clickId) {
			throw operationError(
				node,
				i,
				'INVALID_INPUT',
				'Click ID is empty',
				'Enter the click’s Keitaro subid.',
			);
		}
		what = `A conversion of click ${clickId} ${tid ? `with tid "${tid}"` : 'without a tid'}`;
		const all = await findConversions.call(this, [equals('sub_id', clickId)], 100);
		lookup = {
			data: all.data.filter((row) => String(row.tid ?? '') === tid),
			request: all.request,
		};
	}
	const conversion: IDataObject | undefined = lookup.data[0];
	if (!conversion) {
		throw operationError(
			node,
			i,
			'NOT_FOUND',
			`${what} was not found in Keitaro`,
			'Check the ID in Keitaro → Conversions. A postback sent moments ago may still be in Keitaro’s queue.',
			{ request: lookup.request },
		);
	}
	return { data: conversion, request: lookup.request };
}
