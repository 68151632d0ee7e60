import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { TriggerEvent } from './description';
import { properties } from './description';
import { logEventFrom, pollLogEvent } from './logEvents';
import { pollThreshold } from './threshold';

export class KeitaroTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Keitaro Trigger',
		name: 'keitaroTrigger',
		icon: { light: 'file:../Keitaro/keitaro.svg', dark: 'file:../Keitaro/keitaro.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ { conversionStatusChanged: "Conversion Status Changed", newClick: "New Click", newConversion: "New Conversion", reportThreshold: "Report Metric Threshold" }[$parameter["event"]] }}',
		description:
			'Starts the workflow on new Keitaro conversions, conversion status changes, new clicks and report thresholds',
		defaults: { name: 'Keitaro Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'keitaroApi', required: true }],
		properties,
	};

	/**
	 * Emits each event once across polls; what it has seen lives in the node's static data. A
	 * manual run (the editor's test) returns the newest matching events and changes nothing.
	 */
	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const state = this.getWorkflowStaticData('node');
		if (this.getMode() !== 'manual' && state.event !== event) {
			// what another event remembered means nothing to this one
			for (const name of Object.keys(state)) delete state[name];
			state.event = event;
		}
		const events =
			event === 'reportThreshold'
				? await pollThreshold.call(this)
				: await pollLogEvent.call(this, logEventFrom.call(this, event));
		return events.length ? [this.helpers.returnJsonArray(events)] : null;
	}
}
