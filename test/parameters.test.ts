/* eslint-disable */
/**
 * itemParameter (nodes/Keitaro/helpers/parameters.ts) answers what n8n's getNodeParameter
 * answers, item by item, for the forms it reads without the expression engine and for every other
 * form (which it hands to the engine). A probe node in a real workflow reads each parameter both
 * ways for every input item.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { itemParameter } from '../nodes/Keitaro/helpers/parameters';
import { executeWorkflow } from './support/engine';
import { keitaroWorkflow } from './support/keitaro';

const PARAMETERS: IDataObject = {
	plain: 'sale',
	number: 7,
	field: '={{ $json.id }}',
	spaced: '={{$json.text}}',
	bracketed: '={{ $json["odd key"] }}',
	quoted: "={{ $json['flag'] }}",
	missing: '={{ $json.nothing }}',
	object: '={{ $json.nested }}',
	list: '={{ $json.list }}',
	nullish: '={{ $json.empty }}',
	computed: '={{ $json.id + 1 }}',
	template: '=id-{{ $json.id }}',
	other: '={{ $input.item.json.text }}',
	collection: { revenue: '={{ $json.id }}', currency: 'EUR', deep: '={{ $json.text.length }}' },
	constantCollection: { currency: 'USD' },
	withList: { entry: [{ value: '={{ $json.id }}' }, { value: 'x' }], name: '={{ $json.text }}' },
};

const INPUT: IDataObject[] = [
	{ id: 1, text: 'a', 'odd key': 'x', flag: true, nested: { a: 1 }, list: [1, 2], empty: null },
	{ id: 2.5, text: '', 'odd key': 0, flag: false, nested: {}, list: [], empty: null },
	{ id: '3', text: 'ünïcode "quoted"', flag: 'yes' },
	{},
];

function probe(): INodeType {
	const property = (name: string): INodeProperties => ({
		displayName: name,
		name,
		type: typeof PARAMETERS[name] === 'object' ? 'json' : 'string',
		default: '',
	});
	return {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Probe' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: Object.keys(PARAMETERS).map(property),
		},
		async execute(this: IExecuteFunctions) {
			const out = this.getInputData().map((_, i) => {
				const json: IDataObject = {};
				for (const name of Object.keys(PARAMETERS)) {
					let engine: unknown;
					try {
						engine = this.getNodeParameter(name, i);
					} catch (error) {
						engine = `error: ${(error as Error).message}`;
					}
					let fast: unknown;
					try {
						fast = itemParameter.call(this, name, i);
					} catch (error) {
						fast = `error: ${(error as Error).message}`;
					}
					json[name] = { engine, fast } as IDataObject;
				}
				return { json, pairedItem: { item: i } };
			});
			return [out];
		},
	};
}

test('every parameter, for every item, reads the same as through getNodeParameter', async () => {
	const definition = keitaroWorkflow(PARAMETERS, { type: 'test.probe', credentials: {} }, INPUT);
	const run = await executeWorkflow(definition, {
		nodeTypes: { 'test.probe': probe() },
		credentialTypes: {},
		credentials: {},
	});
	expect(run.data.resultData.error).toBeUndefined();
	const rows = run.data.resultData.runData.Keitaro[0].data!.main[0]!.map((item) => item.json);
	expect(rows).toHaveLength(INPUT.length);
	for (const row of rows)
		for (const [name, { engine, fast }] of Object.entries(row as Record<string, IDataObject>))
			expect({ name, value: fast }).toEqual({ name, value: engine });
	// the probe saw real values, not the same empty answer twice
	expect(rows.map((r) => (r.field as IDataObject).fast)).toEqual([1, 2.5, '3', undefined]);
	expect(rows.map((r) => (r.collection as IDataObject).fast)).toMatchObject([
		{ revenue: 1, currency: 'EUR', deep: 1 },
		{ revenue: 2.5, currency: 'EUR', deep: 0 },
		{ revenue: '3', currency: 'EUR', deep: 16 },
		{ currency: 'EUR' },
	]);
});

test('a value without an expression is read once and cannot be changed by accident', async () => {
	let frozen = false;
	const node = probe();
	node.execute = async function (this: IExecuteFunctions) {
		const first = itemParameter.call(this, 'constantCollection', 0) as IDataObject;
		const again = itemParameter.call(this, 'constantCollection', 1) as IDataObject;
		frozen = first === again && Object.isFrozen(first);
		return [this.getInputData()];
	};
	const run = await executeWorkflow(
		keitaroWorkflow(PARAMETERS, { type: 'test.probe', credentials: {} }, INPUT),
		{ nodeTypes: { 'test.probe': node }, credentialTypes: {}, credentials: {} },
	);
	expect(run.data.resultData.error).toBeUndefined();
	expect(frozen).toBe(true);
});

test('{{ $json.field }} and constants are read without asking n8n item by item; other expressions are', async () => {
	const asked: string[] = [];
	const node = probe();
	node.execute = async function (this: IExecuteFunctions) {
		const getNodeParameter = this.getNodeParameter.bind(this);
		this.getNodeParameter = ((name: string, i: number, ...rest: unknown[]) => {
			asked.push(`${name}@${i}`);
			return (getNodeParameter as Function)(name, i, ...rest);
		}) as IExecuteFunctions['getNodeParameter'];
		for (let i = 0; i < 3; i++)
			for (const name of ['field', 'plain', 'constantCollection', 'computed', 'collection'])
				itemParameter.call(this, name, i);
		return [this.getInputData()];
	};
	const run = await executeWorkflow(
		keitaroWorkflow(PARAMETERS, { type: 'test.probe', credentials: {} }, INPUT),
		{ nodeTypes: { 'test.probe': node }, credentialTypes: {}, credentials: {} },
	);
	expect(run.data.resultData.error).toBeUndefined();
	// once each for the raw value, then only the expressions the engine must evaluate
	expect(asked).toEqual([
		'field@0',
		'plain@0',
		'constantCollection@0',
		'computed@0',
		'computed@0',
		'collection@0',
		'collection.deep@0',
		'computed@1',
		'collection.deep@1',
		'computed@2',
		'collection.deep@2',
	]);
});
