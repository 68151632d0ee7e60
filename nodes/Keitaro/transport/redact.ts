const MASK = '***';

/** Secrets shorter than this are not scrubbed from text: replacing every "ab" would garble messages. */
const MIN_SECRET_LENGTH = 4;

/**
 * Removes the credential's secrets from any text the node shows: URLs, Keitaro's answers (a wrong
 * postback key is echoed back by the tracker), error messages.
 */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		for (const form of new Set([
			secret,
			encodeURIComponent(secret),
			JSON.stringify(secret).slice(1, -1),
		])) {
			if (out.includes(form)) out = out.split(form).join(MASK);
		}
	}
	return out;
}

export function maskSecret(value: string): string {
	return value ? MASK : value;
}
