/**
 * The tracker's base address from whatever people paste into the credential:
 * `tracker.com`, `https://tracker.com/`, `https://tracker.com:8443/admin_api/v1`, or a link
 * copied from the admin panel (`https://tracker.com/admin/#!/campaigns`).
 * The credential test mirrors this as an expression; test/credential.test.ts keeps them in step.
 */
export function trackerBaseUrl(raw: string): string {
	const trimmed = raw.trim();
	const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	return withScheme
		.replace(/[?#].*$/, '')
		.replace(/\/+$/, '')
		.replace(/\/admin_api(\/v\d+)?$/i, '')
		.replace(/\/admin$/i, '')
		.replace(/\/+$/, '');
}

export const ADMIN_API_PATH = '/admin_api/v1';
