import type { IDataObject } from 'n8n-workflow';

/** One postback as Keitaro's received-postbacks log tells it: its lines share a job ID (jid). */
export interface ReceivedPostback extends IDataObject {
	jid: string;
	received_at: string;
	/** the postback URL, the postback key masked */
	url: string;
	click_id: string;
	status: string;
	tid: string;
	/** Keitaro's lines about it, oldest first */
	lines: string[];
	/** Keitaro's last word on it */
	outcome: string;
	/** whether Keitaro said it ignored the postback (unknown click, duplicate, ignored status…) */
	ignored: boolean;
}

const IGNORED = /ignored|not found|incorrect/i;

/**
 * Groups log lines (newest first, as GET /logs/postbacks sends them) into postbacks, newest first.
 * Keitaro writes "Received postback <url>" and "Using "<subid>" as subid…" when a postback arrives
 * and its verdict ("SubID not found…", "…Postback ignored.", the conversion it changed) when the
 * queue runs, all under the postback's jid.
 */
export function groupPostbackLog(lines: IDataObject[]): ReceivedPostback[] {
	const byJid = new Map<string, IDataObject[]>();
	for (const line of lines) {
		const jid = String(line.jid ?? '');
		byJid.set(jid, [...(byJid.get(jid) ?? []), line]);
	}
	return [...byJid.entries()].map(([jid, newestFirst]) => {
		const entries = [...newestFirst].reverse();
		const messages = entries.map((e) => String(e.message ?? ''));
		const received = messages.find((m) => m.startsWith('Received postback')) ?? '';
		const url = received.replace(/^Received postback\s*/, '');
		const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '');
		const using = messages.map((m) => /^Using "([^"]*)" as subid/.exec(m)?.[1]).find(Boolean);
		return {
			jid,
			received_at: String(entries[0]?.datetime ?? ''),
			url,
			click_id: using ?? query.get('subid') ?? query.get('sub_id') ?? query.get('clickid') ?? '',
			status: query.get('status') ?? '',
			tid: query.get('tid') ?? query.get('transaction_id') ?? '',
			lines: messages,
			outcome: messages[messages.length - 1] ?? '',
			ignored: messages.some((m) => IGNORED.test(m)),
		};
	});
}
