import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { KeitaroContext, RequestSummary } from '../transport';
import { mayHaveArrived, sendPostback } from '../transport';
import type { ConcurrencyLimit } from './concurrency';
import { forEachLimited } from './concurrency';
import { viewClicks } from './lookups';

/** One change to send to Keitaro through its postback URL. */
export interface PostbackJob {
	clickId: string;
	params: IDataObject;
	/** whether a repeat is harmless (it addresses an existing conversion, or carries a tid) */
	idempotent: boolean;
	/** the conversion that shows the change done, among the click's conversions read back */
	shows(conversions: IDataObject[]): IDataObject | undefined;
}

export type PostbackOutcome =
	| { status: 'confirmed'; answer: string; request: RequestSummary; conversion: IDataObject }
	| { status: 'sent'; answer: string; request: RequestSummary }
	| { status: 'refused'; error: Error; request?: RequestSummary }
	| { status: 'unconfirmed'; answer: string; request: RequestSummary };

/**
 * Sends many postbacks, as many at a time as `concurrency` allows, then (when `confirmTimeoutMs` is set) reads the
 * conversions log back in batches — one request answers for up to 500 clicks — until each change
 * shows or the time is up. Keitaro answers "Success" when it queues a postback, so only what the
 * log shows counts as done. A postback that failed without a complete answer (timeout, reset, 5xx,
 * cut-off answer) may still have been applied: it is looked for too, never sent again here.
 */
export async function applyPostbacks(
	this: KeitaroContext,
	jobs: PostbackJob[],
	options: { concurrency: ConcurrencyLimit; confirmTimeoutMs?: number },
): Promise<PostbackOutcome[]> {
	const outcomes: PostbackOutcome[] = new Array(jobs.length);
	await forEachLimited(jobs.length, options.concurrency, async (n) => {
		const job = jobs[n];
		try {
			const { answer, request } = await sendPostback.call(this, job.params, {
				idempotent: job.idempotent,
			});
			outcomes[n] = { status: 'sent', answer, request };
		} catch (error) {
			// the transport's errors carry the (masked) request they were about
			const request = (error as { context?: IDataObject }).context?.request as
				| RequestSummary
				| undefined;
			outcomes[n] = { status: 'refused', error: error as Error, request };
		}
	});
	if (options.confirmTimeoutMs === undefined) return outcomes;

	const deadline = Date.now() + options.confirmTimeoutMs;
	let pending = jobs
		.map((_, n) => n)
		.filter((n) => {
			const outcome = outcomes[n];
			return (
				outcome.status === 'sent' ||
				(outcome.status === 'refused' && outcome.request && mayHaveArrived(outcome.error))
			);
		});
	for (let delay = 100; pending.length; delay = Math.min(delay * 2, 2000)) {
		let views: Awaited<ReturnType<typeof viewClicks>> = new Map();
		try {
			views = await viewClicks.call(
				this,
				pending.map((n) => jobs[n].clickId),
				{ checkClicks: false },
			);
		} catch {
			// the transport has retried already; look again until the deadline, then report unconfirmed
		}
		pending = pending.filter((n) => {
			const conversion = jobs[n].shows(views.get(jobs[n].clickId)?.conversions ?? []);
			if (!conversion) return true;
			const outcome = outcomes[n];
			if (outcome.status === 'sent') {
				outcomes[n] = { ...outcome, status: 'confirmed', conversion };
			} else if (outcome.status === 'refused') {
				outcomes[n] = {
					status: 'confirmed',
					answer: `(no complete answer: ${outcome.error.message})`,
					request: outcome.request!,
					conversion,
				};
			}
			return false;
		});
		const left = deadline - Date.now();
		if (!pending.length || left <= 0) break;
		await sleep(Math.min(delay, left));
	}
	for (const n of pending) {
		const outcome = outcomes[n];
		// a refused postback that never showed keeps its error
		if (outcome.status === 'sent') outcomes[n] = { ...outcome, status: 'unconfirmed' };
	}
	return outcomes;
}
