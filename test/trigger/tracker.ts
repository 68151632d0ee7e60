/** A simulated tracker for the trigger tests: its own clock, campaigns, offers, and ways to add traffic. */
import type { IDataObject } from 'n8n-workflow';

import type { Click, Conversion, KeitaroSimulator } from '../simulator';
import { addCampaign, addClick, addConversion, addOffer } from '../simulator';
import { processPostback } from '../simulator/postback';
import { keitaroDate } from '../simulator/state';
import { startSimulator } from '../support/keitaro';
import { TriggerUnderTest } from '../support/trigger';

export class Tracker {
	/** Keitaro's clock: it dates clicks, conversions and the answers' meta.datetime */
	clock: Date;
	sim!: KeitaroSimulator;
	private clicks = 0;

	private constructor(start: Date) {
		this.clock = start;
	}

	/** Two campaigns, two offers; postbacks wait in Keitaro's queue until `processPostbacks()`. */
	static async start(start = new Date()): Promise<Tracker> {
		const tracker = new Tracker(start);
		const sim = await startSimulator({ now: () => tracker.clock, postbackDelayMs: 3_600_000 });
		tracker.sim = sim;
		addCampaign(sim.state, { id: 1, name: 'Spring AU' });
		addCampaign(sim.state, { id: 2, name: 'Autumn DE' });
		addOffer(sim.state, { id: 1, name: 'Keto Max', payout_auto: true, payout_upsell: true });
		addOffer(sim.state, { id: 2, name: 'Loan Pro', payout_auto: true });
		return tracker;
	}

	stop(): Promise<void> {
		return this.sim.stop();
	}

	trigger(parameters: IDataObject): TriggerUnderTest {
		return new TriggerUnderTest(this.sim, parameters);
	}

	advance(minutes: number): void {
		this.clock = new Date(this.clock.getTime() + minutes * 60_000);
	}

	/** Keitaro's time `minutes` before now. */
	ago(minutes: number): string {
		return keitaroDate(new Date(this.clock.getTime() - minutes * 60_000));
	}

	click(fields: Partial<Click> = {}): Click {
		this.clicks++;
		return addClick(this.sim.state, {
			sub_id: `click-${this.clicks}`,
			campaign_id: 1,
			offer_id: 1,
			datetime: this.ago(0),
			...fields,
		});
	}

	/** A click and its conversion, both now unless the fields say otherwise. */
	conversion(fields: Partial<Conversion> = {}, click: Partial<Click> = {}): Conversion {
		const { sub_id } = this.click(click);
		return addConversion(this.sim.state, {
			sub_id,
			status: 'lead',
			postback_datetime: this.ago(0),
			...fields,
		});
	}

	/** Sends Keitaro's S2S postback; it waits in the queue like on a real tracker. */
	async postback(params: Record<string, string>): Promise<void> {
		const answer = await fetch(
			`${this.sim.url}/${this.sim.postbackKey}/postback?${new URLSearchParams(params)}`,
		);
		expect(await answer.text()).toBe('Success');
	}

	/** Keitaro's queue worker runs. */
	processPostbacks(): void {
		this.sim.flushPostbacks();
	}

	/** Postbacks as Keitaro's queue worker applies them, without the HTTP round trip (for many). */
	applyPostbacks(...postbacks: Array<Record<string, string>>): void {
		for (const params of postbacks) {
			const job = { jid: 'test', params: new URLSearchParams(params), receivedAt: this.clock };
			processPostback(this.sim.state, job, this.clock);
		}
	}

	/** Admin API requests Keitaro received for a path so far. */
	requestsTo(path: string): number {
		return this.sim.requestsTo(`/admin_api/v1${path}`).length;
	}
}

export const ids = (events: IDataObject[], column = 'conversion_id') =>
	events.map((event) => event[column]);
