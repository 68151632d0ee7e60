/* eslint-disable */
import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { addClick, addConversion, type KeitaroSimulator } from '../simulator';
import { binaryText } from '../support/engine';
import { credentialsFor, jsonOf, runKeitaro, startSimulator } from '../support/keitaro';

let sim: KeitaroSimulator;
const TRICKY_TID = 'x,"y"\nz';
beforeAll(async () => {
	sim = await startSimulator();
	for (let n = 0; n < 2500; n++) {
		addClick(sim.state, { sub_id: `c${n}` });
		addConversion(sim.state, {
			conversion_id: n + 1,
			sub_id: `c${n}`,
			tid: n === 7 ? TRICKY_TID : `t${n}`,
			status: n % 2 ? 'sale' : 'lead',
			revenue: n % 2 ? 12.5 : 0,
		});
	}
});
afterAll(async () => sim.stop());
beforeEach(() => sim.requests.splice(0));

const getMany = (options: IDataObject, extra: IDataObject = {}) => ({
	resource: 'conversion',
	operation: 'getMany',
	dateRange: 'allTime',
	timezone: 'UTC',
	returnAll: true,
	columns: ['conversion_id', 'tid', 'status', 'revenue'],
	sortBy: 'conversion_id',
	sortOrder: 'ASC',
	options,
	...extra,
});
const pages = () =>
	sim
		.requestsTo('/admin_api/v1/conversions/log')
		.map((r) => JSON.parse(r.body))
		.map((b) => [b.offset, b.limit]);
const file = (item: { binary?: { data?: IBinaryData } }) => item.binary!.data!;

/** RFC 4180 records, for checking what the node wrote (quoted fields may hold commas and line breaks). */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') ((field += '"'), i++);
			else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') (record.push(field), (field = ''));
		else if (ch === '\r' && text[i + 1] === '\n') {
			(record.push(field), records.push(record), (record = []), (field = ''), i++);
		} else field += ch;
	}
	expect(field).toBe('');
	expect(record).toEqual([]);
	return records;
}

test('CSV File per Page: a file per page, stored on disk, every row exactly once', async () => {
	const { items, error, run } = await runKeitaro(
		sim,
		getMany({ output: 'csv', rowsPerFile: 1000 }),
	);
	expect(error).toBeUndefined();
	expect(pages()).toEqual([
		[0, 1000],
		[1000, 1000],
		[2000, 1000],
	]);
	expect(jsonOf(items)).toEqual([
		{ fileName: 'conversions-0001.csv', page: 1, offset: 0, rows: 1000 },
		{ fileName: 'conversions-0002.csv', page: 2, offset: 1000, rows: 1000 },
		{ fileName: 'conversions-0003.csv', page: 3, offset: 2000, rows: 500 },
	]);
	expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
	const ids: number[] = [];
	for (const item of items) {
		const binary = file(item);
		// n8n's filesystem mode: the item holds a reference, the rows are in a file
		expect(binary).toMatchObject({
			mimeType: 'text/csv',
			fileExtension: 'csv',
			data: 'filesystem-v2',
		});
		expect(binary.id).toBeTruthy();
		const text = await binaryText(binary);
		const credentials = credentialsFor(sim);
		expect(text).not.toContain(credentials.apiKey as string);
		const [header, ...rows] = parseCsv(text);
		expect(header).toEqual(['conversion_id', 'tid', 'status', 'revenue']);
		expect(rows).toHaveLength(item.json.rows as number);
		ids.push(...rows.map((r) => Number(r[0])));
	}
	expect(ids).toEqual(Array.from({ length: 2500 }, (_, n) => n + 1));
	// the run keeps references, not the rows
	expect(JSON.stringify(run.data.resultData.runData.Keitaro).length).toBeLessThan(20_000);
});

test('CSV quotes a field with a comma, a quote or a line break, so it reads back the same', async () => {
	const { items } = await runKeitaro(
		sim,
		getMany({ output: 'csv' }, { filters: { clickId: 'c7' } }),
	);
	expect(items).toHaveLength(1);
	const [, row] = parseCsv(await binaryText(file(items[0])));
	expect(row).toEqual(['8', TRICKY_TID, 'sale', '12.5']);
});

test('JSON Lines File per Page with a Limit: files of Rows per File rows, numbers as numbers', async () => {
	const { items, error } = await runKeitaro(
		sim,
		getMany({ output: 'jsonl', rowsPerFile: 100 }, { returnAll: false, limit: 250 }),
	);
	expect(error).toBeUndefined();
	expect(pages()).toEqual([
		[0, 100],
		[100, 100],
		[200, 50],
	]);
	expect(jsonOf(items)).toEqual([
		{ fileName: 'conversions-0001.jsonl', page: 1, offset: 0, rows: 100 },
		{ fileName: 'conversions-0002.jsonl', page: 2, offset: 100, rows: 100 },
		{ fileName: 'conversions-0003.jsonl', page: 3, offset: 200, rows: 50 },
	]);
	const lines = (await binaryText(file(items[2]))).trimEnd().split('\n');
	expect(lines).toHaveLength(50);
	expect(JSON.parse(lines[0])).toEqual({
		conversion_id: 201,
		tid: 't200',
		status: 'lead',
		revenue: 0,
	});
	expect(file(items[0]).mimeType).toBe('application/x-ndjson');
});

test('an empty log gives one file with the header only', async () => {
	const { items, error } = await runKeitaro(
		sim,
		getMany({ output: 'csv' }, { filters: { tid: 'no-such-tid' } }),
	);
	expect(error).toBeUndefined();
	expect(jsonOf(items)).toEqual([
		{ fileName: 'conversions-0001.csv', page: 1, offset: 0, rows: 0 },
	]);
	expect(await binaryText(file(items[0]))).toBe('conversion_id,tid,status,revenue\r\n');
});

test('a wrong Output or Rows per File stops the node before any request', async () => {
	const wrongOutput = await runKeitaro(sim, getMany({ output: '={{ "xlsx" }}' }));
	expect(wrongOutput.error?.message).toContain('Output is "xlsx"');
	expect(wrongOutput.error?.description).toContain('items, csv, jsonl');
	const wrongSize = await runKeitaro(sim, getMany({ output: 'csv', rowsPerFile: 10 }));
	expect(wrongSize.error?.message).toContain('Rows per File is 10, not a number from 100 to 50000');
	expect(pages()).toEqual([]);
});

test('Click → Get Log has the same file output: clicks-0001.jsonl, …, with request details', async () => {
	const { items, error } = await runKeitaro(sim, {
		resource: 'click',
		operation: 'getLog',
		dateRange: 'allTime',
		timezone: 'UTC',
		returnAll: true,
		columns: ['sub_id'],
		sortBy: 'sub_id',
		sortOrder: 'ASC',
		options: { output: 'jsonl', rowsPerFile: 2000, includeRequestDetails: true },
	});
	expect(error).toBeUndefined();
	// Include Request Details: each file's record inside the request envelope
	expect(items.every((i) => i.json.success === true && i.json.request)).toBe(true);
	expect(items.map((i) => [file(i).fileName, (i.json.data as IDataObject).rows])).toEqual([
		['clicks-0001.jsonl', 2000],
		['clicks-0002.jsonl', 500],
	]);
	const subIds = (await Promise.all(items.map((i) => binaryText(file(i)))))
		.join('')
		.trimEnd()
		.split('\n')
		.map((line) => JSON.parse(line).sub_id);
	expect(new Set(subIds).size).toBe(2500);
});
