const MASK = '***';

/**
 * Secrets shorter than this are scrubbed only where they stand as a postback URL's path: replacing
 * every "ab" in a text would garble it.
 */
const MIN_SECRET_LENGTH = 4;

/**
 * Removes the credential's secrets from any text the node shows: URLs, Keitaro's answers (a wrong
 * postback key is echoed back by the tracker), error messages.
 */
export function redact(text: string, secrets: string[]): string {
	let out = text;
	for (const secret of secrets) {
		for (const form of new Set([
			secret,
			encodeURIComponent(secret),
			JSON.stringify(secret).slice(1, -1),
		])) {
			// a short secret is still found where it stands as a postback URL's path
			out =
				secret.length < MIN_SECRET_LENGTH
					? out.split(`/${form}/postback`).join(`/${MASK}/postback`)
					: out.split(form).join(MASK);
		}
	}
	return out;
}

export function maskSecret(value: string): string {
	return value ? MASK : value;
}
