import { InputError } from './errors';
import { splitList } from './listInput';

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f]*:[0-9a-f:.]*$/i;

function isIp(value: string): boolean {
	return IPV4.test(value) || (IPV6.test(value) && value.split(':').length <= 8);
}

/** An IP, a network (1.2.3.0/24) or a range (1.2.3.4-1.2.3.9), as Keitaro's bot list takes them. */
function isEntry(value: string): boolean {
	const [address, prefix, ...rest] = value.split('/');
	if (rest.length) return false;
	if (prefix !== undefined) {
		const bits = Number(prefix);
		return isIp(address) && /^\d+$/.test(prefix) && bits <= (address.includes(':') ? 128 : 32);
	}
	const [from, to, ...more] = value.split('-');
	return !more.length && isIp(from) && (to === undefined || isIp(to));
}

/** The IPs of a bot-list field: one per line, or separated by commas or spaces; checked. */
export function parseIpList(value: unknown): string[] {
	const entries = splitList(value);
	const bad = entries.find((entry) => !isEntry(entry));
	if (bad !== undefined) {
		throw new InputError(
			`IPs: "${bad}" is not an IP address, network or range`,
			'Write one entry per line: an IP (1.2.3.4), a network (1.2.3.0/24) or a range (1.2.3.4-1.2.3.9).',
		);
	}
	if (!entries.length)
		throw new InputError('IPs is empty', 'Enter one IP address, network or range per line.');
	return entries;
}
