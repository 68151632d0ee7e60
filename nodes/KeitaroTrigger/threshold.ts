import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normaliseRow } from '../Keitaro/helpers/conversions';
import { INTERVALS, isTimeZone } from '../Keitaro/helpers/range';
import { keitaroApiRequestAllItems } from '../Keitaro/transport';
import { GROUPINGS } from './description';
import { triggerFilters } from './logEvents';

/** The groups that were past the threshold at the previous poll (workflow static data of the node). */
interface ThresholdState {
	key?: string;
	past?: string[];
}

interface Threshold {
	metric: string;
	condition: 'risesAbove' | 'fallsBelow';
	value: number;
}

function reportRequest(this: IPollFunctions, metric: string): IDataObject {
	const preset = this.getNodeParameter('dateRange', 'today') as string;
	const timezone = ((this.getNodeParameter('timezone', '') as string) || this.getTimezone()).trim();
	if (!isTimeZone(timezone)) {
		throw new NodeOperationError(
			this.getNode(),
			`Time Zone "${timezone}" is not a known time zone`,
			{
				description:
					'Use an IANA name such as Europe/Berlin, America/New_York or UTC, or leave it empty.',
			},
		);
	}
	const grouping = GROUPINGS[this.getNodeParameter('groupBy', 'campaign') as string] ?? [];
	return {
		range: { interval: INTERVALS.get(preset) ?? 'today', timezone },
		// the 2022 spec's names and the newer builds' names (docs/keitaro.md §5.1)
		grouping,
		metrics: [metric],
		dimensions: grouping,
		measures: [metric],
		filters: triggerFilters.call(this),
		// a stable order, so no group is skipped between pages
		sort: grouping.length ? [{ name: grouping[0], order: 'ASC' }] : [],
	};
}

/**
 * Groups of the report (one row per campaign, offer, …) whose metric is past the threshold now.
 * A group Keitaro does not list (no traffic in the period) is not past it.
 */
async function groupsPastThreshold(
	this: IPollFunctions,
	request: IDataObject,
	threshold: Threshold,
): Promise<Array<{ key: string; row: IDataObject }>> {
	const { data } = await keitaroApiRequestAllItems.call(this, {
		method: 'POST',
		path: '/report/build',
		idempotent: true,
		body: request,
	});
	const idColumn = (request.grouping as string[])[0];
	const { metric, condition, value } = threshold;
	const past = (amount: number) => (condition === 'risesAbove' ? amount > value : amount < value);
	return data
		.filter((row) => past(Number(row[metric])))
		.map((row) => ({
			key: idColumn ? String(row[idColumn]) : '',
			row: { ...normaliseRow(row), [metric]: Number(row[metric]), threshold: { ...threshold } },
		}));
}

/**
 * The groups that crossed the threshold since the previous poll: past it now, not past it then.
 * A group stays quiet while it stays past the threshold and fires again after it went back. The
 * first activation only remembers which groups are past it; a manual run shows them.
 */
export async function pollThreshold(this: IPollFunctions): Promise<IDataObject[]> {
	const threshold: Threshold = {
		metric: this.getNodeParameter('metric', 'revenue') as string,
		condition: this.getNodeParameter('condition', 'risesAbove') as Threshold['condition'],
		value: Number(this.getNodeParameter('threshold', 0)),
	};
	const request = reportRequest.call(this, threshold.metric);
	const past = await groupsPastThreshold.call(this, request, threshold);
	if (this.getMode() === 'manual') return past.map(({ row }) => row);

	const state = this.getWorkflowStaticData('node') as ThresholdState;
	const key = JSON.stringify([request, threshold]);
	const before = state.key === key ? new Set(state.past) : undefined;
	Object.assign(state, { key, past: past.map((group) => group.key) });
	if (!before) return [];
	return past.filter((group) => !before.has(group.key)).map(({ row }) => row);
}
