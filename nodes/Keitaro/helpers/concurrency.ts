/**
 * Runs `task(0) … task(count - 1)` with at most `limit` running at once, starting them in order.
 * Once `stop()` says so, no further task starts; running ones finish.
 */
export async function forEachLimited(
	count: number,
	limit: number,
	task: (index: number) => Promise<void>,
	stop: () => boolean = () => false,
): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count && !stop()) {
			const index = next++;
			await task(index);
		}
	};
	const workers = Math.max(1, Math.min(limit, count));
	await Promise.all(Array.from({ length: workers }, worker));
}
