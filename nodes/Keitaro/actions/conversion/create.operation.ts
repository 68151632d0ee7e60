import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { conversionDataFields } from '../../descriptions/conversionData';
import { optionsCollection, postbackOptions } from '../../descriptions/options';
import { readConversionData } from '../../helpers/conversionInput';
import { operationError } from '../../helpers/errors';
import { viewClicks } from '../../helpers/lookups';
import type { PostbackJob } from '../../helpers/postbacks';
import { applyPostbacks } from '../../helpers/postbacks';
import { readItems } from '../../helpers/batch';
import { requirePostbackKey } from '../../transport';
import type { BatchOutcome, Endpoint } from '../node.type';
import { POSTBACK } from '../node.type';
import { batchSettings, notConfirmedError } from './shared';

const properties: INodeProperties[] = [
	...conversionDataFields('create'),
	optionsCollection(...postbackOptions),
];

export const endpoints: Endpoint[] = [
	POSTBACK,
	{ method: 'POST', path: '/conversions/log' },
	{ method: 'POST', path: '/clicks/log' },
	{ method: 'GET', path: '/logs/{type}' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversion'], operation: ['create'] } },
	properties,
);

/**
 * Adds conversions Keitaro missed (an offline sale, a lost postback) by sending the postbacks the
 * network should have sent. Refuses a click Keitaro does not know and a conversion that exists
 * (same click and tid: Keitaro would change it instead); bad input stops the node before anything
 * is sent.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemCount: number,
): Promise<BatchOutcome[]> {
	const node = this.getNode();
	const items = readItems(this, itemCount, (i) => {
		const change = readConversionData.call(this, i, 'create');
		if (!change.status) {
			throw operationError(
				node,
				i,
				'INVALID_INPUT',
				'A new conversion needs a status',
				'Add "status": "lead", "sale", "rejected" or "rebill".',
			);
		}
		return { ...change, tid: change.tid ?? '' };
	});
	if (items.stop) return items.refused.slice(0, 1);
	await requirePostbackKey.call(this);
	const settings = batchSettings.call(this);
	const views = await viewClicks.call(
		this,
		items.read.map((r) => r.value.click_id),
	);

	const outcomes: BatchOutcome[] = [...items.refused];
	const jobs: Array<{ index: number; job: PostbackJob; status: string; tid: string }> = [];
	const claimed = new Set<string>();
	for (const { index, value: change } of items.read) {
		const view = views.get(change.click_id)!;
		if (!view.clickExists) {
			outcomes.push({
				items: [index],
				error: operationError(
					node,
					index,
					'CLICK_NOT_FOUND',
					`Click ${change.click_id} not found in Keitaro`,
					'A conversion belongs to a click. Check click_id: it is the click’s subid, the value of the {subid} macro.',
					{ request: view.request },
				),
			});
			continue;
		}
		const same = view.conversions.find((c) => String(c.tid ?? '') === change.tid);
		const key = `${change.click_id}\u0000${change.tid}`;
		if (same || claimed.has(key)) {
			const what = same
				? `conversion ${String(same.conversion_id)}`
				: 'a conversion created by an earlier item';
			outcomes.push({
				items: [index],
				error: operationError(
					node,
					index,
					'ALREADY_EXISTS',
					`Click ${change.click_id} already has ${what}${change.tid ? ` with tid "${change.tid}"` : ' without a tid'}${same ? ` (${String(same.status)})` : ''}`,
					'Keitaro would change that conversion instead of adding one. Use Update to change it, or give the new conversion its own tid.',
					{ request: view.request },
				),
			});
			continue;
		}
		claimed.add(key);
		const known = new Set(view.conversions.map((c) => String(c.conversion_id)));
		jobs.push({
			index,
			status: change.status!,
			tid: change.tid,
			job: {
				clickId: change.click_id,
				params: {
					subid: change.click_id,
					status: change.status,
					...(change.revenue !== undefined ? { payout: change.revenue } : {}),
					...(change.currency ? { currency: change.currency } : {}),
					...(change.tid ? { tid: change.tid } : {}),
					...change.sub_ids,
				},
				// without a tid a repeat could add a second conversion: it is never sent twice
				idempotent: Boolean(change.tid),
				shows: (rows) =>
					rows.find(
						(c) => String(c.tid ?? '') === change.tid && !known.has(String(c.conversion_id)),
					),
			},
		});
	}

	const results = await applyPostbacks.call(
		this,
		jobs.map((j) => j.job),
		settings,
	);
	for (const [n, result] of results.entries()) {
		const { index, status, tid, job } = jobs[n];
		if (result.status === 'refused') {
			outcomes.push({ items: [index], error: result.error });
		} else if (result.status === 'unconfirmed') {
			outcomes.push({
				items: [index],
				error: await notConfirmedError.call(
					this,
					index,
					job.clickId,
					`Keitaro accepted the postback but no new conversion showed for click ${job.clickId} within ${settings.confirmTimeoutMs! / 1000} s`,
					result.request,
				),
			});
		} else if (result.status === 'sent') {
			outcomes.push({
				items: [index],
				result: {
					request: result.request,
					data: {
						click_id: job.clickId,
						tid,
						status,
						confirmed: false,
						keitaro_answer: result.answer,
					},
				},
			});
		} else {
			const created = result.conversion;
			const warnings =
				created.status !== status
					? [
							`Keitaro stored the conversion as ${String(created.status)} (sent: ${status}); an extra sale on a click becomes a rebill.`,
						]
					: [];
			outcomes.push({
				items: [index],
				result: {
					request: result.request,
					data: {
						conversion_id: created.conversion_id,
						click_id: job.clickId,
						tid,
						status: created.status,
						revenue: created.revenue,
						confirmed: true,
						keitaro_answer: result.answer,
						warnings,
						conversion: created,
					},
				},
			});
		}
	}
	return outcomes.sort((a, b) => a.items[0] - b.items[0]);
}
