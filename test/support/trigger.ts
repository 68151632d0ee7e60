/** The Keitaro Trigger polled the way an active workflow polls it, against the simulator. */
import type { IDataObject, INode } from 'n8n-workflow';

import { KeitaroApi } from '../../credentials/KeitaroApi.credentials';
import { KeitaroTrigger } from '../../nodes/KeitaroTrigger/KeitaroTrigger.node';
import type { KeitaroSimulator } from '../simulator';
import { pollTrigger } from './engine';
import { credentialsFor } from './keitaro';

export const KEITARO_TRIGGER_TYPE = 'n8n-nodes-keitaro-tracker.keitaroTrigger';
const NODE_NAME = 'Keitaro Trigger';

/**
 * One trigger node of an active workflow. Each poll runs `poll()` in a fresh n8n PollContext on
 * the static data the previous poll left, stored as JSON in between (n8n keeps it in its
 * database), so a poll sees only what survives a restart.
 */
export class TriggerUnderTest {
	/** the workflow's static data as n8n stores it */
	stored = '{}';

	constructor(
		private readonly sim: KeitaroSimulator,
		public parameters: IDataObject,
	) {}

	/** What the node keeps in its static data. */
	get state(): IDataObject {
		return (JSON.parse(this.stored)[`node:${NODE_NAME}`] ?? {}) as IDataObject;
	}

	/** The emitted items' JSON; [] when the poll returned null. */
	async poll(mode: 'trigger' | 'manual' = 'trigger'): Promise<IDataObject[]> {
		const node: INode = {
			id: 'trigger',
			name: NODE_NAME,
			type: KEITARO_TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: this.parameters as INode['parameters'],
			credentials: { keitaroApi: { id: 'cred', name: 'Keitaro' } },
		};
		const { items, staticData } = await pollTrigger(
			{ nodes: [node], connections: {}, staticData: JSON.parse(this.stored) },
			NODE_NAME,
			{
				nodeTypes: { [KEITARO_TRIGGER_TYPE]: new KeitaroTrigger() },
				credentialTypes: { keitaroApi: new KeitaroApi() },
				credentials: { keitaroApi: credentialsFor(this.sim) },
			},
			mode,
		);
		// n8n does not save static data after a manual run
		if (mode === 'trigger') this.stored = JSON.stringify(staticData);
		if (items === null) return [];
		expect(items).toHaveLength(1);
		return items[0].map((item) => item.json);
	}
}
