/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * The examples that only a running n8n starts: a polling trigger, a webhook, a form. Each is
 * activated through the REST API the editor uses (POST /rest/workflows/:id/activate) and started
 * the way production starts it: the simulator changes a conversion for the Keitaro Trigger's next
 * minute tick, the CRM posts to the production webhook, an approver submits the production form.
 * The run is read back from the execution n8n stored (GET /rest/executions/:id; its data is
 * `flatted` text), then checked like a CLI run, and the Data Table's rows are read through the API.
 *
 * Timing: n8n runs the polling trigger's first poll (its activation test) a moment after the
 * activate call returns; that poll sets the baseline, so the change is made only once the
 * simulator has seen it. The change shows on the next full minute, so that wait (up to ~60 s)
 * overlaps with the webhook and form examples.
 */
import type { IDataObject, IRun, IWorkflowBase } from 'n8n-workflow';

import { REQUEST_FIELDS, REQUEST_NUMBER_FIELDS } from '../../nodes/Keitaro/helpers/requests/record';
import type { KeitaroSimulator } from '../../test/simulator';
import { checkRun, EXPECTATIONS, SERVER_INPUT, SERVER_ORDER } from './examples';
import type { N8nApi } from './n8n';
import { waitFor } from './processes';

export const REQUESTS_TABLE = 'keitaro_conversion_requests';

/** The Data Table's columns: the request record's fields, numbers as numbers. */
export const REQUEST_COLUMNS = REQUEST_FIELDS.map((name) => ({
	name,
	type: REQUEST_NUMBER_FIELDS.has(name) ? 'number' : 'string',
}));

/** How long a webhook or form execution may take to show up finished. */
const EXECUTION_TIMEOUT_MS = 60_000;
/** How long an activated workflow's production webhook may answer 404 "not registered". */
const WEBHOOK_READY_MS = 20_000;
/** The polling trigger fires on the next full minute after the change; with slack for a busy machine. */
const POLL_TIMEOUT_MS = 90_000;
/** n8n runs the trigger's first poll right after the activate call returns (measured: ~1 s). */
const ACTIVATION_POLL_MS = 30_000;

/** `flatted` (what n8n stores execution data as): a JSON array whose string values are indexes. */
export function parseFlatted(text: string): unknown {
	const input = JSON.parse(text) as unknown[];
	const revived = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (revived.has(index)) return revived.get(index);
		const value = input[index];
		if (typeof value !== 'object' || value === null) return value;
		const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		revived.set(index, out);
		for (const [key, entry] of Object.entries(value))
			(out as Record<string, unknown>)[key] =
				typeof entry === 'string' ? revive(Number(entry)) : entry;
		return out;
	};
	return revive(0);
}

interface ExecutionSummary {
	id: string;
	status: string;
	workflowId: string;
}

const FINISHED = ['success', 'error', 'crashed', 'canceled'];

export class ServerExamples {
	private projectId = '';
	private tableId = '';

	constructor(
		private readonly api: N8nApi,
		private readonly baseUrl: string,
		private readonly sim: KeitaroSimulator,
		private readonly secrets: Record<string, string>,
		private readonly log: (line: string) => void,
	) {}

	/** The Data Table the raise and approve examples use, with the request record's columns. */
	async createTable(): Promise<void> {
		this.projectId = (await this.api.request<{ id: string }>('GET', '/rest/projects/personal')).id;
		const table = await this.api.request<{ id: string }>(
			'POST',
			`/rest/projects/${this.projectId}/data-tables`,
			{ name: REQUESTS_TABLE, columns: REQUEST_COLUMNS },
		);
		this.tableId = table.id;
	}

	async tableRows(): Promise<IDataObject[]> {
		if (!this.tableId) return [];
		const { data } = await this.api.request<{ data: IDataObject[] }>(
			'GET',
			`/rest/projects/${this.projectId}/data-tables/${this.tableId}/rows?take=100`,
		);
		return data;
	}

	async activate(workflowId: string): Promise<void> {
		const { versionId } = await this.api.request<{ versionId: string }>(
			'GET',
			`/rest/workflows/${workflowId}`,
		);
		const active = await this.api.request<{ active: boolean; activeVersionId?: string }>(
			'POST',
			`/rest/workflows/${workflowId}/activate`,
			{ versionId },
		);
		if (!active.active) throw new Error(`n8n did not activate workflow ${workflowId}`);
	}

	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { results } = await this.api.request<{ results: ExecutionSummary[] }>(
			'GET',
			`/rest/executions?filter=${filter}`,
		);
		return results;
	}

	/** The first `count` finished executions of a workflow, once they are there. */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs: number,
		what: string,
	): Promise<ExecutionSummary[]> {
		return await waitFor(
			async () => {
				const finished = (await this.executions(workflowId)).filter((e) =>
					FINISHED.includes(e.status),
				);
				return finished.length >= count ? finished : undefined;
			},
			timeoutMs,
			() => `no finished execution of ${workflowId} within ${timeoutMs / 1000} s after ${what}`,
			1000,
		);
	}

	/** The stored execution as a run, and its data as n8n stored it (for the secret check). */
	async run(id: string): Promise<{ run: IRun; raw: string }> {
		const execution = await this.api.request<{ status: string; data: string }>(
			'GET',
			`/rest/executions/${id}`,
		);
		const raw =
			typeof execution.data === 'string' ? execution.data : JSON.stringify(execution.data);
		const data = typeof execution.data === 'string' ? parseFlatted(execution.data) : execution.data;
		return { run: { status: execution.status, data } as unknown as IRun, raw };
	}

	/** The checks of a CLI run on a stored execution, then the example's own output and effect. */
	async check(file: string, workflow: IWorkflowBase, executionId: string): Promise<string> {
		const expectation = EXPECTATIONS[file];
		const { run, raw } = await this.run(executionId);
		const summary = checkRun(workflow, run, raw, this.secrets, expectation.notRun);
		expectation.output?.(run);
		await this.sim.idle();
		expectation.effect?.(this.sim, await this.tableRows());
		return summary;
	}

	/**
	 * POSTs to a production webhook or form. n8n registers an activated workflow's webhooks a
	 * moment after the activate call returns (measured: under 2 s); until then it answers 404
	 * "not registered", so that answer is retried until WEBHOOK_READY_MS.
	 */
	private async post(path: string, body: () => FormData | IDataObject): Promise<void> {
		const deadline = Date.now() + WEBHOOK_READY_MS;
		for (;;) {
			const payload = body();
			const form = payload instanceof FormData;
			const response = await fetch(`${this.baseUrl}${path}`, {
				method: 'POST',
				headers: form ? undefined : { 'content-type': 'application/json' },
				body: form ? payload : JSON.stringify(payload),
				signal: AbortSignal.timeout(30_000),
			});
			const text = await response.text();
			if (response.ok) return;
			if (response.status !== 404 || Date.now() > deadline)
				throw new Error(`POST ${path} answered ${response.status}: ${text.slice(0, 300)}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	/** Runs the server examples in SERVER_ORDER's sense; throws with the example's name on failure. */
	async runAll(examples: Array<{ file: string; workflow: IWorkflowBase }>): Promise<void> {
		const byFile = new Map(examples.map((e) => [e.file, e.workflow]));
		const workflowOf = (file: string) => {
			const workflow = byFile.get(file);
			if (!workflow) throw new Error(`examples/${file} (named in SERVER_ORDER) is missing`);
			return workflow;
		};
		const attempt = async <T>(file: string, fn: () => Promise<T>): Promise<T> => {
			try {
				return await fn();
			} catch (error) {
				throw new Error(`examples/${file}: ${(error as Error).message}`);
			}
		};
		const pass = (file: string, started: number, summary: string, extra: string) =>
			this.log(
				`PASS examples/${file} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary || 'no Keitaro action nodes'}; ${extra}`,
			);
		const [notifyFile, raiseFile, approveFile] = SERVER_ORDER;

		// 1. the polling trigger: activated (its first poll sets the baseline), then a lead becomes a sale
		const notify = workflowOf(notifyFile);
		const notifyStarted = Date.now();
		let changedAt = 0;
		await attempt(notifyFile, async () => {
			const reads = () => this.sim.requestsTo('/admin_api/v1/conversions/log').length;
			const readsBefore = reads();
			await this.activate(notify.id!);
			// n8n answers the activate call before the trigger's first poll: wait for that poll's two
			// reads (Keitaro's clock, then the window it remembers as seen), else the change below
			// would be part of the baseline and never announced
			await waitFor(
				async () => (reads() >= readsBefore + 2 ? true : undefined),
				ACTIVATION_POLL_MS,
				() =>
					`the Keitaro Trigger did not poll within ${ACTIVATION_POLL_MS / 1000} s of its activation`,
				100,
			);
			await new Promise((resolve) => setTimeout(resolve, 500));
			const { subid, status, payout, tid } = SERVER_INPUT.leadToSale;
			const response = await fetch(
				`${this.sim.url}/${this.sim.postbackKey}/postback?subid=${subid}&status=${status}&payout=${payout}&tid=${tid}`,
			);
			if (!response.ok) throw new Error(`the simulator refused the postback: ${response.status}`);
			this.sim.flushPostbacks();
			changedAt = Date.now();
			this.log(
				`activated, first poll done in ${((changedAt - notifyStarted) / 1000).toFixed(1)} s; ${subid} moved lead → sale in the simulator, waiting for the trigger's next minute tick`,
			);
		});

		// 2. raise: the CRM posts to the production webhook; the request lands in the Data Table
		const raise = workflowOf(raiseFile);
		const raiseStarted = Date.now();
		await attempt(raiseFile, async () => {
			await this.createTable();
			await this.activate(raise.id!);
			await this.post('/webhook/keitaro-conversion-request', () => SERVER_INPUT.crmWebhook);
			const [execution] = await this.waitForExecutions(
				raise.id!,
				1,
				EXECUTION_TIMEOUT_MS,
				'the webhook call',
			);
			const summary = await this.check(raiseFile, raise, execution.id);
			pass(raiseFile, raiseStarted, summary, 'the Data Table holds the inquired request');
		});

		// 3. approve: the approver submits the production form with Decision Accept
		const approve = workflowOf(approveFile);
		const approveStarted = Date.now();
		await attempt(approveFile, async () => {
			const [row] = (await this.tableRows()).filter(
				(r) => r.click_id === SERVER_INPUT.crmWebhook.click_id,
			);
			if (!row?.request_id) throw new Error('the raised request is not in the Data Table');
			await this.activate(approve.id!);
			const form = approve.nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger')!;
			// n8n's form names its fields field-0, field-1, … in the order of the Form Trigger's fields
			const answers: Record<string, string> = {
				'Request ID': String(row.request_id),
				Decision: 'Accept',
				'Your email': SERVER_INPUT.approver,
				Reason: 'the CRM refunded part of the order',
			};
			const fields = (form.parameters.formFields as { values: Array<{ fieldLabel: string }> })
				.values;
			await this.post(`/form/${form.webhookId}`, () => {
				const body = new FormData();
				fields.forEach((field, index) => body.append(`field-${index}`, answers[field.fieldLabel]));
				return body;
			});
			const [execution] = await this.waitForExecutions(
				approve.id!,
				1,
				EXECUTION_TIMEOUT_MS,
				'the form submission',
			);
			const summary = await this.check(approveFile, approve, execution.id);
			pass(
				approveFile,
				approveStarted,
				summary,
				'the conversion changed in the simulator and the Data Table row is processed',
			);
		});

		// 1, continued: the minute tick's execution announces the sale, once
		await attempt(notifyFile, async () => {
			const remaining = Math.max(POLL_TIMEOUT_MS - (Date.now() - changedAt), 5_000);
			const [execution] = await this.waitForExecutions(
				notify.id!,
				1,
				remaining,
				'the lead became a sale',
			);
			const summary = await this.check(notifyFile, notify, execution.id);
			const all = await this.executions(notify.id!);
			if (all.length !== 1)
				throw new Error(`the trigger started ${all.length} executions, expected one`);
			pass(notifyFile, notifyStarted, summary, 'the payload announces crm-1001 once');
		});
	}
}
