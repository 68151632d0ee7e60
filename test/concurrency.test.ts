/* eslint-disable */
/**
 * The concurrency limit (nodes/Keitaro/helpers/concurrency.ts) as pure logic: answers are reports
 * with made-up times, so every step is deterministic. How it behaves against a tracker is in
 * test/conversion/concurrency.test.ts.
 */
import {
	ConcurrencyLimit,
	forEachLimited,
	START_LIMIT,
} from '../nodes/Keitaro/helpers/concurrency';

/** `count` answers of `ms` each to requests started at `at`. */
function answer(limit: ConcurrencyLimit, count: number, ms: number, at = 0, status = 200) {
	for (let n = 0; n < count; n++) limit.observe({ startedAt: at, ms, status });
}
/** one round of clean answers: as many as the limit, at least 8 */
const round = (limit: ConcurrencyLimit, ms: number, at = 0) =>
	answer(limit, Math.max(8, limit.current), ms, at);

describe('ConcurrencyLimit', () => {
	test('starts low, at 4, or at the ceiling when that is lower', () => {
		expect(new ConcurrencyLimit(128).current).toBe(START_LIMIT);
		expect(START_LIMIT).toBe(4);
		expect(new ConcurrencyLimit(2).current).toBe(2);
	});

	test('grows while answers stay fast and clean: doubling each round, never above the ceiling', () => {
		const limit = new ConcurrencyLimit(100);
		const seen: number[] = [];
		for (let n = 0; n < 10; n++) {
			round(limit, 20);
			seen.push(limit.current);
		}
		expect(seen).toEqual([8, 16, 32, 64, 100, 100, 100, 100, 100, 100]);
	});

	test('slow start ends when answers take more than 1.5× the best round: then an eighth a round', () => {
		const limit = new ConcurrencyLimit(256);
		round(limit, 20);
		round(limit, 35); // within 1.5 × 20 + 5 ms: still doubling
		expect(limit.current).toBe(16);
		round(limit, 36); // above: no more doubling
		expect(limit.current).toBe(18);
		round(limit, 20);
		expect(limit.current).toBe(20);
	});

	test('nothing changes before a round is complete', () => {
		const limit = new ConcurrencyLimit(128);
		answer(limit, 7, 20);
		expect(limit.current).toBe(4);
		answer(limit, 1, 20);
		expect(limit.current).toBe(8);
	});

	test.each([429, 500, 502, 503, 504, undefined])(
		'backs off at once on %s (no answer: timeout, reset, refused), then grows by an eighth a round',
		(status) => {
			const limit = new ConcurrencyLimit(128);
			for (let n = 0; n < 4; n++) round(limit, 20, 0);
			expect(limit.current).toBe(64);
			limit.observe({ startedAt: 100, ms: 20, status });
			expect(limit.current).toBe(32);
			round(limit, 20, 200);
			expect(limit.current).toBe(36);
			round(limit, 20, 300);
			expect(limit.current).toBe(40); // 36 + 4.5
			for (let n = 0; n < 20; n++) round(limit, 20, 400 + n);
			expect(limit.current).toBe(128);
		},
	);

	test('one back-off per congestion: answers to requests sent before it change nothing', () => {
		const limit = new ConcurrencyLimit(128);
		for (let n = 0; n < 4; n++) round(limit, 20);
		limit.observe({ startedAt: 100, ms: 50, status: 503 }); // decided at 150
		expect(limit.current).toBe(32);
		answer(limit, 20, 50, 120, 503); // sent before 150: the same congestion
		answer(limit, 40, 500, 120, 200); // slow, but from before the back-off
		expect(limit.current).toBe(32);
		limit.observe({ startedAt: 160, ms: 20, status: 503 }); // sent after it: a new one
		expect(limit.current).toBe(16);
	});

	test('stops growing when answers get slower than twice the best round', () => {
		const limit = new ConcurrencyLimit(128);
		round(limit, 20); // best round: 20 ms
		round(limit, 35);
		expect(limit.current).toBe(16);
		// above 2 × 20 + 5 ms, slower and slower, but never a jump: it holds (a busy client slows its own answers too)
		for (const ms of [46, 55, 65, 75, 85, 95, 105]) round(limit, ms);
		expect(limit.current).toBe(16);
	});

	test('backs off when latency jumps above twice the recent rounds (the tracker queues)', () => {
		const limit = new ConcurrencyLimit(128);
		round(limit, 20);
		round(limit, 20);
		round(limit, 20);
		expect(limit.current).toBe(32);
		round(limit, 46, 10); // recent average 20: above 2 × 20 + 5 ms
		expect(limit.current).toBe(25); // 32 × 0.8
		round(limit, 20, 1000);
		expect(limit.current).toBe(28); // after a back-off: 25.6 + 3.2
	});

	test('never below where it started (4, or a lower ceiling)', () => {
		const limit = new ConcurrencyLimit(128);
		for (let at = 0; at < 20; at++) limit.observe({ startedAt: at * 100, ms: 1, status: 503 });
		expect(limit.current).toBe(4);
		round(limit, 20, 10_000);
		expect(limit.current).toBe(5); // at least 1 a round
		const low = new ConcurrencyLimit(2);
		for (let at = 0; at < 5; at++) low.observe({ startedAt: at * 100, ms: 1, status: 429 });
		expect(low.current).toBe(2);
	});

	test('fixed: always the ceiling, whatever Keitaro answers', () => {
		const limit = new ConcurrencyLimit(16, false);
		expect(limit.current).toBe(16);
		answer(limit, 50, 20, 0, 503);
		for (let n = 0; n < 5; n++) round(limit, 20 * (n + 1), n * 1000);
		expect(limit.current).toBe(16);
	});
});

describe('forEachLimited', () => {
	/** a task per index that ends when the test says so */
	function tasks() {
		let running = 0;
		let peak = 0;
		const started: number[] = [];
		const ends: Array<() => void> = [];
		const task = (i: number) =>
			new Promise<void>((resolve) => {
				started.push(i);
				running++;
				peak = Math.max(peak, running);
				ends.push(() => {
					running--;
					resolve();
				});
			});
		const tick = () => new Promise((r) => setImmediate(r));
		return { task, started, ends, tick, peak: () => peak, running: () => running };
	}

	test('runs every index once, in order, never more at once than the limit', async () => {
		const t = tasks();
		const done = forEachLimited(10, 3, t.task);
		for (let n = 0; n < 10; n++) {
			await t.tick();
			t.ends.shift()?.();
		}
		await done;
		expect(t.started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(t.peak()).toBe(3);
	});

	test('follows a limit that changes while it runs', async () => {
		const t = tasks();
		const limit = new ConcurrencyLimit(8);
		const done = forEachLimited(40, limit, t.task);
		await t.tick();
		expect(t.running()).toBe(4);
		answer(limit, 8, 20); // a clean round: 8 at once from the next task's end on
		t.ends.shift()!();
		await t.tick();
		expect(t.running()).toBe(8);
		limit.observe({ startedAt: 1, ms: 1, status: 429 }); // 4
		for (let n = 0; n < 5; n++) {
			t.ends.shift()!();
			await t.tick();
		}
		expect(t.running()).toBe(4);
		while (t.ends.length) {
			t.ends.shift()!();
			await t.tick();
		}
		await done;
		expect(t.started).toHaveLength(40);
		expect(t.peak()).toBe(8);
	});

	test('stop() ends the starting of tasks; running ones finish', async () => {
		const t = tasks();
		let stop = false;
		const done = forEachLimited(10, 2, t.task, () => stop);
		await t.tick();
		stop = true;
		t.ends.shift()!();
		t.ends.shift()!();
		await done;
		expect(t.started).toEqual([0, 1]);
	});

	test('a task that throws rejects the whole once the running ones ended, and no other starts', async () => {
		const ended: number[] = [];
		const result = forEachLimited(6, 2, async (i) => {
			await new Promise((r) => setImmediate(r));
			if (i === 0) throw new Error('boom');
			await new Promise((r) => setImmediate(r));
			ended.push(i);
		});
		await expect(result).rejects.toThrow('boom');
		expect(ended).toEqual([1]);
	});
});
