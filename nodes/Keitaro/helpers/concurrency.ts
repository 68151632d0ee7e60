import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { AnswerReport, KeitaroContext } from '../transport';
import { observeAnswers } from '../transport';
import { optionNumber } from './options';

/**
 * Where an adaptive limit starts, and the least it goes down to (unless Max Concurrency is lower):
 * a few requests, as many as the node always sent to the Admin API before. Below that, sparse
 * 429s or 5xx (a flaky proxy rather than a full tracker) would leave one request at a time, each
 * waiting out its Retry-After.
 */
export const START_LIMIT = 4;
/** A round is as many clean answers as the limit, but at least this many. */
const MIN_ROUND = 8;
/** A round may grow the limit while its median latency is within this many times the best round's… */
const GROW_WITHIN = 2;
/** Slow start ends early once a round's median passes this many times the best (as TCP's HyStart). */
const SLOW_START_WITHIN = 1.5;
/** …and backs off when it is above this many times the recent rounds' (their moving average)… */
const RISE = 2;
/** …each plus this much, so that a millisecond of jitter on a near tracker is not a slow-down. */
const LATENCY_SLACK_MS = 5;
/** How fast the recent latency follows each round's median. */
const RECENT_WEIGHT = 1 / 4;
/** After the first back-off, a clean round adds this share of the limit (at least 1). */
const GROWTH = 1 / 8;
/** 429, 5xx or no answer: the limit is multiplied by this, at once. */
const OVERLOAD_FACTOR = 0.5;
/** Latency that jumps: Keitaro or its proxy queues, so the limit is multiplied by this. */
const RISING_FACTOR = 0.8;

/**
 * How many requests go to Keitaro at once: an AIMD controller with a latency check, as TCP does it.
 * It starts at START_LIMIT. Answers come in rounds (as many clean answers as the limit):
 * - a round whose median latency stays within 2× (+5 ms) of the best round's grows the limit:
 *   it doubles ("slow start") until the first back-off or a median above 1.5× the best, then
 *   grows by an eighth (at least 1);
 * - a slower round holds it: the tracker, or this busy client itself, takes longer;
 * - a round whose median jumps above 2× (+5 ms) the recent rounds' average backs off: × 0.8;
 * - a 429, a 5xx or no answer (timeout, reset, refused) halves it at once.
 * One back-off per congestion: answers to requests sent before the last back-off change nothing.
 * It never goes above the ceiling (Max Concurrency) or below START_LIMIT (or the ceiling, if lower).
 * Fixed: always the ceiling.
 * The transport reports every answer (observeAnswers); this only decides.
 */
export class ConcurrencyLimit {
	private limit: number;
	private slowStart = true;
	private bestMs = Infinity;
	private recentMs: number | undefined;
	/** when the last back-off was decided (the answer's arrival): older requests don't count */
	private backedOffAt = -Infinity;
	private round: number[] = [];

	/**
	 * @param context the running node whose answers it hears while a pool runs with it
	 * (forEachLimited): the transport reports them (observeAnswers)
	 */
	constructor(
		readonly ceiling: number,
		readonly adaptive = true,
		private readonly context?: KeitaroContext,
	) {
		this.limit = adaptive ? Math.min(START_LIMIT, ceiling) : ceiling;
	}

	/** Hears the transport's reports of the context's answers until the returned function is called. */
	listen(): () => void {
		return this.context ? observeAnswers(this.context, this) : () => {};
	}

	/** How many requests may be in flight now. */
	get current(): number {
		return Math.floor(this.limit);
	}

	observe({ startedAt, ms, status }: AnswerReport): void {
		if (!this.adaptive || startedAt < this.backedOffAt) return;
		if (status === undefined || status === 429 || status >= 500) {
			this.backOff(OVERLOAD_FACTOR, startedAt + ms);
			return;
		}
		this.round.push(ms);
		if (this.round.length < Math.max(MIN_ROUND, this.current)) return;
		const median = this.round.sort((a, b) => a - b)[Math.floor(this.round.length / 2)];
		this.round = [];
		this.bestMs = Math.min(this.bestMs, median);
		const recent = this.recentMs ?? median;
		this.recentMs = recent + (median - recent) * RECENT_WEIGHT;
		if (median > recent * RISE + LATENCY_SLACK_MS) {
			this.backOff(RISING_FACTOR, startedAt + ms);
			return;
		}
		if (median > this.bestMs * GROW_WITHIN + LATENCY_SLACK_MS) return;
		if (median > this.bestMs * SLOW_START_WITHIN + LATENCY_SLACK_MS) this.slowStart = false;
		const growth = this.slowStart ? this.limit : Math.max(1, this.limit * GROWTH);
		this.limit = Math.min(this.ceiling, this.limit + growth);
	}

	private backOff(factor: number, at: number): void {
		this.limit = Math.max(Math.min(START_LIMIT, this.ceiling), this.limit * factor);
		this.slowStart = false;
		this.backedOffAt = at;
		this.round = [];
	}
}

/**
 * The concurrency of this execution from the Max Concurrency option (`option`, for the kind of
 * request) and Adapt Concurrency (item 0). While a pool runs with it, it hears every answer.
 */
export function concurrencyLimit(
	this: IExecuteFunctions,
	option: INodeProperties,
): ConcurrencyLimit {
	const adaptive = this.getNodeParameter('options.adaptiveConcurrency', 0, true) !== false;
	return new ConcurrencyLimit(optionNumber.call(this, 0, option), adaptive, this);
}

/**
 * Runs `task(0) … task(count - 1)`, starting them in order, with at most `limit` running at once
 * (a number, or a ConcurrencyLimit, read each time a task ends and told every answer meanwhile).
 * Once `stop()` says so, no further task starts; running ones finish. A task that throws rejects
 * the whole, after the others end.
 */
export async function forEachLimited(
	count: number,
	limit: number | ConcurrencyLimit,
	task: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	const width = typeof limit === 'number' ? () => limit : () => limit.current;
	let next = 0;
	let running = 0;
	let failure: { error: unknown } | undefined;
	const stopListening = typeof limit === 'number' ? undefined : limit.listen();
	const done = new Promise<void>((resolve, reject) => {
		const launch = () => {
			while (!failure && running < Math.max(1, width()) && next < count && !stop()) {
				const index = next++;
				running++;
				task(index).then(
					() => {
						running--;
						launch();
					},
					(error: unknown) => {
						running--;
						failure ??= { error };
						launch();
					},
				);
			}
			if (running === 0) {
				if (failure) reject(failure.error as Error);
				else resolve();
			}
		};
		launch();
	});
	try {
		await done;
	} finally {
		stopListening?.();
	}
}
