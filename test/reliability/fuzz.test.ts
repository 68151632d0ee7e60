/* eslint-disable */
/**
 * Bad-input fuzzing with fast-check. Every parser of a user-supplied value gets at least 10,000
 * generated cases: it returns a value that holds its promises (a click, a known status, a
 * non-negative finite revenue, a real date, a canonical sub_id_N, …) or throws an InputError with a
 * message and a description, never anything else. Whole-workflow properties then run the node on
 * invalid input and require an n8n error with a message and no request at all to Keitaro.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import {
	CONVERSION_STATUSES,
	parseConversionData,
	parseConversionId,
	parseRevenue,
} from '../../nodes/Keitaro/helpers/conversionData';
import { InputError } from '../../nodes/Keitaro/helpers/errors';
import { keitaroDateTime, rangeFrom } from '../../nodes/Keitaro/helpers/range';
import {
	draftFromRow,
	KNOWN_COLUMNS,
	REFUSAL_COLUMNS,
} from '../../nodes/Keitaro/helpers/requests/draft';
import {
	parseRequest,
	parseSubIds,
	REQUEST_STATUSES,
} from '../../nodes/Keitaro/helpers/requests/record';
import { trackerBaseUrl } from '../../nodes/Keitaro/transport/url';
import { addClick, addConversion, addOffer, type KeitaroSimulator } from '../simulator';
import { runKeitaro, startSimulator } from '../support/keitaro';

const RUNS = 10_000;
/** cases per whole-workflow property: each runs n8n's engine against the simulator */
const WORKFLOW_RUNS = 500;
const SEED = 20_261_123;
const counted: Record<string, number> = {};

/** Runs a property with RUNS cases and counts what was really executed. */
function check<T>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	predicate: (value: T) => void,
	numRuns = RUNS,
) {
	let executed = 0;
	fc.assert(
		fc.property(arbitrary, (value) => {
			executed++;
			predicate(value);
		}),
		{ numRuns, seed: SEED },
	);
	counted[name] = executed;
	expect(executed).toBeGreaterThanOrEqual(numRuns);
}

async function checkAsync<T>(
	name: string,
	arbitrary: fc.Arbitrary<T>,
	predicate: (value: T) => Promise<void>,
	numRuns = WORKFLOW_RUNS,
) {
	let executed = 0;
	await fc.assert(
		fc.asyncProperty(arbitrary, async (value) => {
			executed++;
			await predicate(value);
		}),
		{ numRuns, seed: SEED },
	);
	counted[name] = executed;
	expect(executed).toBeGreaterThanOrEqual(numRuns);
}

afterAll(() => {
	console.log(
		`fuzz cases run:\n${Object.entries(counted)
			.map(([name, count]) => `  ${String(count).padStart(6)}  ${name}`)
			.join('\n')}`,
	);
});

/** Either the parser's value, or an InputError with a message and a description; nothing else. */
function outcome<T>(parse: () => T): { value: T } | { error: InputError } {
	try {
		return { value: parse() };
	} catch (error) {
		expect(error).toBeInstanceOf(InputError);
		const { message, description } = error as InputError;
		expect(message.trim()).not.toBe('');
		expect(description.trim()).not.toBe('');
		return { error: error as InputError };
	}
}

const SUB_ID_KEY = /^sub_id_([1-9]|[12]\d|30)$/;
/** names every plain object answers to: a look-up table keyed by user text must not find them */
const PROTOTYPE_WORDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
const STATUS_WORDS = [
	'sale',
	'lead',
	'rejected',
	'rebill',
	' SALE ',
	'Lead',
	'won',
	'approved',
	'',
	...PROTOTYPE_WORDS,
];
const MONEY_WORDS = [
	'12,5',
	'12.50',
	'1e3',
	'-1',
	'-0',
	'NaN',
	'Infinity',
	'0x10',
	' 7 ',
	'1,000.5',
	'',
	'٣',
];
const CURRENCY_WORDS = ['USD', 'eur', 'US', 'EURO', '€€€', ' gbp ', ''];
const KEY_WORDS = [
	'click_id',
	'status',
	'revenue',
	'payout',
	'currency',
	'tid',
	'sub_id_1',
	'sub_id_30',
	'sub_id_0',
	'sub_id_31',
	'sub_id_01',
	'sub_id_1.5',
	'subid',
	'clickid',
	'__proto__',
	'constructor',
	'toString',
];

/** Values people and upstream nodes put in fields: text, numbers of every kind, null, nesting. */
const anyValue = fc.oneof(
	fc.string(),
	fc.constantFrom(...STATUS_WORDS, ...MONEY_WORDS, ...CURRENCY_WORDS),
	fc.double(),
	fc.integer(),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.string(), { maxLength: 2 }),
	fc.object({ maxDepth: 1 }),
);

describe('parsers, 10,000 cases each', () => {
	test('Conversion Data (JSON text, objects, anything)', () => {
		const data = fc.dictionary(fc.oneof(fc.constantFrom(...KEY_WORDS), fc.string()), anyValue, {
			maxKeys: 6,
		});
		const withClick = fc
			.tuple(data, fc.oneof(fc.string(), fc.integer(), anyValue))
			.map(([d, click]) => ({ ...d, click_id: click }));
		const raw = fc.oneof(
			data,
			withClick,
			withClick.map((d) => JSON.stringify(d)),
			fc.json(),
			fc.string(),
			fc.anything(),
		);
		check('Conversion Data', fc.tuple(raw, fc.boolean()), ([input, allowTid]) => {
			const result = outcome(() => parseConversionData(input, 'Conversion Data', { allowTid }));
			if ('error' in result) return;
			const { value } = result;
			expect(value.click_id).toBe(value.click_id.trim());
			expect(value.click_id).not.toBe('');
			if (value.status !== undefined) expect(CONVERSION_STATUSES).toContain(value.status);
			if (value.revenue !== undefined) {
				expect(Number.isFinite(value.revenue)).toBe(true);
				expect(value.revenue).toBeGreaterThanOrEqual(0);
			}
			if (value.currency !== undefined) expect(value.currency).toMatch(/^[A-Z]{3}$/);
			if (value.tid !== undefined) expect(allowTid && value.tid !== '').toBe(true);
			for (const [key, subValue] of Object.entries(value.sub_ids)) {
				expect(key).toMatch(SUB_ID_KEY);
				expect(typeof subValue).toBe('string');
			}
		});
	});

	test('conversion IDs (text, numbers, anything an expression gives)', () => {
		const id = fc.oneof(
			anyValue,
			fc.stringMatching(/^\s*\d{1,25}\s*$/),
			fc.constantFrom('1.5', '-1', '1e3', '٣', '0x1', '007'),
		);
		check('conversion IDs', id, (input) => {
			const result = outcome(() => parseConversionId(input, 'Or find it another way.'));
			if ('value' in result) {
				expect(result.value).toMatch(/^\d+$/);
				expect(Number.isSafeInteger(Number(result.value))).toBe(true);
			}
		});
	});

	test('revenue (numbers as people write them)', () => {
		check('revenue', anyValue, (input) => {
			const result = outcome(() => parseRevenue(input, 'Revenue'));
			if ('value' in result) {
				expect(Number.isFinite(result.value)).toBe(true);
				expect(result.value).toBeGreaterThanOrEqual(0);
			}
		});
	});

	test('import rows (CSV-like: text cells, Keitaro’s columns, strays)', () => {
		const cell = fc.oneof(
			fc.string(),
			fc.constantFrom(
				...STATUS_WORDS,
				...MONEY_WORDS,
				...CURRENCY_WORDS,
				'create',
				'change',
				'new',
				'existing',
				'auto',
			),
			fc.integer().map(String),
			fc.stringMatching(/^\d{1,25}$/),
			anyValue,
		);
		const columns = fc.constantFrom(
			...KNOWN_COLUMNS,
			...REFUSAL_COLUMNS,
			'sub_id_2',
			'sub_id_0',
			'sub_id_02',
			'sub_id_31',
			'colour',
		);
		const row = fc.dictionary(fc.oneof(columns, columns, fc.string()), cell, { maxKeys: 8 });
		const defaults = fc.record({
			requestedBy: fc.constantFrom('', 'ops', '  '),
			type: fc.constantFrom('auto', 'create', 'change') as fc.Arbitrary<
				'auto' | 'create' | 'change'
			>,
		});
		check('import rows', fc.tuple(row, defaults), ([input, given]) => {
			const result = outcome(() => draftFromRow(input as IDataObject, given));
			if ('error' in result) return;
			const { value } = result;
			expect(value.click_id).not.toBe('');
			expect(['create', 'change', 'auto']).toContain(value.type);
			expect(CONVERSION_STATUSES).toContain(value.target_status);
			if (value.revenue !== null) {
				expect(Number.isFinite(value.revenue)).toBe(true);
				expect(value.revenue).toBeGreaterThanOrEqual(0);
			}
			expect(value.currency).toMatch(/^([A-Z]{3})?$/);
			if (value.conversion_id !== null)
				expect(Number.isSafeInteger(value.conversion_id)).toBe(true);
			for (const key of Object.keys(value.sub_ids)) expect(key).toMatch(SUB_ID_KEY);
			expect(value.requested_by).not.toBe('');
		});
	});

	test('stored request records (read back from a table: text numbers, blanks, junk)', () => {
		const base: IDataObject = {
			request_id: 'cr_0123456789abcdef01234567',
			type: 'change',
			request_status: 'accepted',
			click_id: 'c1',
			target_status: 'sale',
			tid: 't1',
			revenue: 5,
			sub_ids: '{"sub_id_1":"a"}',
			version: 2,
			attempts: 0,
		};
		const field = fc.constantFrom(
			'request_id',
			'type',
			'request_status',
			'click_id',
			'target_status',
			'tid',
			'revenue',
			'sub_ids',
			'version',
			'attempts',
			'conversion_id',
			'snapshot_revenue',
			'currency',
		);
		const fieldValue = fc.oneof(
			anyValue,
			fc.constantFrom(
				...REQUEST_STATUSES,
				'create',
				'change',
				'{',
				'[]',
				'{"sub_id_99":"x"}',
				'{"sub_id_1":5}',
				'null',
			),
		);
		const record = fc
			.dictionary(field, fieldValue, { maxKeys: 4 })
			.map((changes) => ({ ...base, ...changes }));
		const raw = fc.oneof(
			record,
			record.map((r) => JSON.stringify(r)),
			fc.anything(),
			fc.string(),
		);
		check('request records', raw, (input) => {
			const result = outcome(() => parseRequest(input));
			if ('error' in result) return;
			const { value } = result;
			expect(REQUEST_STATUSES).toContain(value.request_status);
			expect(['create', 'change']).toContain(value.type);
			expect(CONVERSION_STATUSES).toContain(value.target_status);
			expect(value.click_id).not.toBe('');
			for (const n of [value.revenue, value.conversion_id, value.snapshot_revenue]) {
				if (n !== null) expect(Number.isFinite(n)).toBe(true);
			}
			const subIds = parseSubIds(value.sub_ids);
			for (const [key, subValue] of Object.entries(subIds)) {
				expect(key).toMatch(SUB_ID_KEY);
				expect(typeof subValue).toBe('string');
			}
		});
	});

	const timeZones = fc.constantFrom(...Intl.supportedValuesOf('timeZone'), 'UTC');
	const digits = (n: number) =>
		fc.integer({ min: 0, max: 10 ** n - 1 }).map((v) => String(v).padStart(n, '0'));
	/** dates built from parts that may each be out of range, plus any text */
	const dateText = fc.oneof(
		fc
			.tuple(
				digits(4),
				digits(2),
				digits(2),
				fc.option(fc.tuple(fc.constantFrom('T', ' '), digits(2), digits(2), fc.option(digits(2)))),
				fc.constantFrom('', '.123', 'Z', '+02:00', '-0530', '+99:99'),
			)
			.map(
				([y, m, d, time, tail]) =>
					`${y}-${m}-${d}${time ? `${time[0]}${time[1]}:${time[2]}${time[3] ? `:${time[3]}` : ''}` : ''}${tail}`,
			),
		fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
		fc.string(),
	);

	/** a real calendar date (and time): the components survive a round trip through Date.UTC */
	function isRealDateTime(value: string): boolean {
		const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(value);
		if (!m) return false;
		const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1).map((part) => Number(part ?? 0));
		const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
		date.setUTCFullYear(y);
		return (
			date.getUTCFullYear() === y &&
			date.getUTCMonth() === mo - 1 &&
			date.getUTCDate() === d &&
			date.getUTCHours() === h &&
			date.getUTCMinutes() === mi &&
			date.getUTCSeconds() === s
		);
	}

	test('dates (Keitaro wall-clock time in a time zone)', () => {
		check('dates', fc.tuple(dateText, timeZones), ([text, zone]) => {
			const value = keitaroDateTime(text, zone);
			if (value !== undefined) expect(isRealDateTime(value)).toBe(true);
		});
	});

	test('date ranges (presets, custom dates, time zones)', () => {
		const input = fc.record({
			preset: fc.oneof(
				fc.constantFrom(
					'custom',
					'custom',
					'today',
					'allTime',
					'last7Days',
					'thisYear',
					...PROTOTYPE_WORDS,
				),
				fc.string(),
			),
			timezone: fc.oneof(
				timeZones,
				fc.constantFrom('', 'Mars/Olympus', 'utc', ' Europe/Berlin '),
				fc.string(),
			),
			from: dateText,
			to: dateText,
		});
		check('date ranges', input, (given) => {
			const result = outcome(() => rangeFrom(given));
			if ('error' in result) return;
			const range = result.value;
			if (range.interval !== undefined) return expect(typeof range.interval).toBe('string');
			expect(isRealDateTime(String(range.from))).toBe(true);
			expect(isRealDateTime(String(range.to))).toBe(true);
		});
	});

	test('tracker URLs (whatever is pasted into the credential)', () => {
		const host = fc.oneof(
			fc.domain(),
			fc.ipV4(),
			fc.constantFrom('localhost', 'tracker.example.com'),
		);
		const decorated = fc
			.tuple(
				fc.constantFrom('', 'https://', 'http://', 'HTTPS://'),
				host,
				fc.constantFrom('', ':8443'),
				fc.constantFrom(
					'',
					'/',
					'//',
					'/admin_api/v1',
					'/admin_api/v1/',
					'/admin',
					'/admin/#!/campaigns',
					'/?x=1',
					'#top',
				),
				fc.constantFrom('', ' ', '\t'),
			)
			.map(([scheme, h, port, tail, space]) => ({
				raw: `${space}${scheme}${h}${port}${tail}${space}`,
				base: `${scheme ? scheme.toLowerCase() : 'https://'}${h}${port}`,
			}));
		check('tracker URLs (decorated)', decorated, ({ raw, base }) => {
			expect(trackerBaseUrl(raw).toLowerCase()).toBe(base.toLowerCase());
		});
		// the node refuses what is no web address; what is one is the bare base: no path tail, query or fragment
		check(
			'tracker URLs (any text)',
			fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true })),
			(raw) => {
				const base = trackerBaseUrl(raw);
				let url: URL;
				try {
					url = new URL(base);
				} catch {
					return;
				}
				expect(['http:', 'https:']).toContain(url.protocol);
				expect(base).not.toMatch(/[?#]|\/$/);
			},
		);
	});
});

describe('whole workflows: invalid input fails with an n8n error before any request', () => {
	let sim: KeitaroSimulator;
	beforeAll(async () => {
		sim = await startSimulator();
		addOffer(sim.state, { id: 1 });
		addClick(sim.state, { sub_id: 'c1', offer_id: 1 });
		addConversion(sim.state, { conversion_id: 1, sub_id: 'c1', tid: 't1', status: 'lead' });
	});
	afterAll(async () => sim.stop());

	async function expectRefusedBeforeAnyRequest(
		parameters: IDataObject,
		options: { items?: IDataObject[]; credentials?: IDataObject } = {},
	) {
		sim.requests.splice(0);
		const { error, items } = await runKeitaro(sim, parameters, options);
		expect(items).toEqual([]);
		expect(error).toBeDefined();
		// the run keeps the node's error as data: its name tells its class
		expect(['NodeOperationError', 'NodeApiError']).toContain(error!.name);
		expect(error!.message.trim()).not.toBe('');
		expect(error!.message).not.toMatch(/Cannot read|is not a function|\[object Object\]/);
		expect(sim.requests).toEqual([]);
	}

	const isInvalid = (parse: () => unknown) => {
		try {
			parse();
			return false;
		} catch {
			return true;
		}
	};

	test('Conversion Update: IDs and Conversion Data', async () => {
		const id = fc.oneof(fc.string(), fc.constantFrom('', ' ', '1.5', '-1', '1e3', '١', '0x1'));
		const data = fc.oneof(
			fc.string(),
			fc.json(),
			fc.constantFrom(
				'{"click_id":"c1","status":"won"}',
				'{"click_id":"c1","revenue":-1}',
				'{"status":"sale"}',
				'{"click_id":"c1","sub_id_01":"x"}',
			),
		);
		const invalid = fc
			.tuple(id, data)
			.filter(
				([i, d]) =>
					isInvalid(() => parseConversionId(i, '')) ||
					isInvalid(() => parseConversionData(d, 'Conversion Data', { allowTid: false })),
			);
		// the values come from the input item, as bad data does from upstream nodes
		await checkAsync('workflow: Conversion Update', invalid, async ([id, data]) => {
			await expectRefusedBeforeAnyRequest(
				{
					resource: 'conversion',
					operation: 'update',
					conversionId: '={{ $json.id }}',
					conversionData: '={{ $json.data }}',
				},
				{ items: [{ id, data }] },
			);
		});
	});

	test('Conversion Get Many: custom dates and time zones', async () => {
		const invalid = fc
			.record({ from: fc.string(), to: fc.string(), timezone: fc.string() })
			.filter((r) => isInvalid(() => rangeFrom({ preset: 'custom', ...r })));
		await checkAsync('workflow: Get Many date range', invalid, async (range) => {
			await expectRefusedBeforeAnyRequest(
				{
					resource: 'conversion',
					operation: 'getMany',
					dateRange: 'custom',
					dateFrom: '={{ $json.from }}',
					dateTo: '={{ $json.to }}',
					timezone: '={{ $json.timezone }}',
				},
				{ items: [range] },
			);
		});
	});

	test('Conversion Request Process: stored records', async () => {
		const invalid = fc
			.oneof(
				fc.object({ maxDepth: 1 }),
				fc.record({
					request_id: fc.string(),
					type: fc.string(),
					request_status: fc.constantFrom('accepted', 'x'),
					click_id: fc.string(),
					target_status: fc.string(),
				}),
			)
			.filter((r) => isInvalid(() => parseRequest(r)));
		await checkAsync('workflow: Conversion Request Process', invalid, async (record) => {
			await expectRefusedBeforeAnyRequest(
				{ resource: 'conversionRequest', operation: 'process' },
				{ items: [record as IDataObject] },
			);
		});
	});

	test('Options: Timeout, Max Concurrency and Confirm Timeout from expressions', async () => {
		const bounds = { timeout: [1, 600], concurrency: [1, 512], confirmTimeout: [1, 600] } as const;
		const outside = ([min, max]: readonly [number, number]) =>
			fc.oneof(
				fc
					.double()
					.filter((n) => !(n >= min && n <= max))
					.map(String),
				fc
					.string()
					.filter((t) => !(t.trim() !== '' && Number(t) >= min && Number(t) <= max))
					.map((t) => JSON.stringify(t)),
				fc.constantFrom('NaN', 'null', '[]', '{}', 'true'),
			);
		const invalid = fc
			.constantFrom(...(Object.keys(bounds) as Array<keyof typeof bounds>))
			.chain((name) => outside(bounds[name]).map((source) => ({ name, source })));
		await checkAsync('workflow: option numbers', invalid, async ({ name, source }) => {
			await expectRefusedBeforeAnyRequest({
				resource: 'conversion',
				operation: 'update',
				conversionId: '1',
				conversionData: '{"click_id":"c1","status":"sale"}',
				options: { [name]: `={{ ${source} }}` },
			});
		});
	});

	test('credential: tracker URLs that are no web address', async () => {
		const invalid = fc
			.tuple(fc.string(), fc.constantFrom(' ', '<', '>', '^', '|', '%zz', '[', '\\'), fc.string())
			.map(([a, bad, b]) => `${a}${bad}${b}`.replace(/^\s+|\s+$/g, '') || ' ')
			.filter((raw) => !raw.trim() || isInvalid(() => new URL(trackerBaseUrl(raw))));
		await checkAsync('workflow: tracker URL', invalid, async (url) => {
			await expectRefusedBeforeAnyRequest(
				{ resource: 'conversion', operation: 'get', conversionId: '1' },
				{ credentials: { url } },
			);
		});
	});
});
