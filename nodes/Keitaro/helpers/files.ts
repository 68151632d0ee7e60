import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { OperationResult } from '../actions/node.type';
import type { ApiPage } from '../transport';

export type FileFormat = 'csv' | 'jsonl';

const MIME_TYPES: Record<FileFormat, string> = {
	csv: 'text/csv',
	jsonl: 'application/x-ndjson',
};

/** A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; empty for null. */
function csvField(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function fileText(format: FileFormat, columns: string[], rows: IDataObject[]): string {
	if (format === 'jsonl') return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
	const lines = [columns, ...rows.map((row) => columns.map((column) => row[column]))];
	return lines.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');
}

/**
 * Makes a file of each page of rows as it arrives and hands it to n8n, which stores it (on disk in
 * its default binary mode), so a page or two are held in memory instead of the whole log. The
 * result lists the files; the router puts out one item per file.
 */
export async function pagesAsFiles(
	this: IExecuteFunctions,
	pages: AsyncIterable<ApiPage>,
	file: {
		format: FileFormat;
		/** start of each file's name: `conversions` gives conversions-0001.csv, … */
		name: string;
		/** the CSV header, in this order */
		columns: string[];
		normalise: (row: IDataObject) => IDataObject;
	},
): Promise<OperationResult> {
	const data: IDataObject[] = [];
	const files: IBinaryData[] = [];
	let first: ApiPage | undefined;
	const iterator = pages[Symbol.asyncIterator]();
	// the next page is read while this one is written: two pages in memory at most
	let next = iterator.next();
	try {
		for (let current = await next; !current.done; current = await next) {
			next = iterator.next();
			const page = current.value;
			first ??= page;
			// an empty last page adds no file; an empty log still gives one (empty) file
			if (!page.data.length && files.length) continue;
			const fileName = `${file.name}-${String(files.length + 1).padStart(4, '0')}.${file.format}`;
			const text = fileText(file.format, file.columns, page.data.map(file.normalise));
			files.push(
				await this.helpers.prepareBinaryData(
					Buffer.from(text, 'utf8'),
					fileName,
					MIME_TYPES[file.format],
				),
			);
			data.push({ fileName, page: files.length, offset: page.offset, rows: page.data.length });
		}
	} finally {
		// when a write failed, a read is still under way: its outcome no longer matters
		next.catch(() => undefined);
	}
	return { data, request: first!.request, files };
}
