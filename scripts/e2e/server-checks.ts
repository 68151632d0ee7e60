/**
 * Checks against the running n8n server, through the REST API the editor uses: the package's
 * node types (and the AI-tool variant) are listed under the package name, its credential type
 * is known, and the credential test answers OK for the right API key and an error for a wrong one.
 */
import type { IDataObject } from 'n8n-workflow';

import type { N8nApi } from './n8n';
import { PACKAGE_NAME } from './n8n';
import { credentialTypes, expectedNodeTypeNames } from './package-info';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: IDataObject;
}

export async function checkNodeTypes(api: N8nApi): Promise<string> {
	const listed = (await api.request<Array<{ name: string }>>('GET', '/types/nodes.json'))
		.map((node) => node.name)
		.filter((name) => name.startsWith(`${PACKAGE_NAME}.`));
	const expected = expectedNodeTypeNames();
	const missing = expected.filter((name) => !listed.includes(name));
	if (missing.length) {
		throw new Error(
			`n8n does not list ${missing.join(', ')}; it lists ${listed.join(', ') || 'nothing'} from ${PACKAGE_NAME}`,
		);
	}
	const credentials = (
		await api.request<Array<{ name: string }>>('GET', '/types/credentials.json')
	).map((c) => c.name);
	const missingCredentials = credentialTypes
		.map((c) => c.name)
		.filter((name) => !credentials.includes(name));
	if (missingCredentials.length)
		throw new Error(`n8n does not know the credential type ${missingCredentials.join(', ')}`);
	return `n8n lists ${listed.join(', ')}; credential types ${credentialTypes.map((c) => c.name).join(', ')}`;
}

interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/** POST /rest/credentials/test, as the credential dialog's Test button sends it. */
async function testCredential(
	api: N8nApi,
	credential: StoredCredential,
): Promise<CredentialTestResult> {
	return await api.request<CredentialTestResult>('POST', '/rest/credentials/test', {
		credentials: credential,
	});
}

export async function checkCredentialTest(
	api: N8nApi,
	credential: StoredCredential,
): Promise<string> {
	const good = await testCredential(api, credential);
	if (good.status !== 'OK')
		throw new Error(`the credential test failed with the right key: ${good.message}`);
	const bad = await testCredential(api, {
		...credential,
		data: { ...credential.data, apiKey: 'wrong-key' },
	});
	if (bad.status !== 'Error')
		throw new Error(`the credential test passed with a wrong key: ${JSON.stringify(bad)}`);
	return `credential test: right key → ${good.status} "${good.message}"; wrong key → ${bad.status} "${bad.message}"`;
}
