import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The same normalisation as `trackerBaseUrl()` in the node's transport, written as an n8n
 * expression because the credential test runs declaratively. A test keeps the two in step.
 */
const TRACKER_BASE_URL_EXPRESSION =
	"{{ ((/^https?:\\/\\//i.test($credentials.url.trim()) ? '' : 'https://') + $credentials.url.trim())" +
	".replace(/[?#].*$/, '').replace(/\\/+$/, '').replace(/\\/admin_api(\\/v\\d+)?$/i, '')" +
	".replace(/\\/admin$/i, '').replace(/\\/+$/, '') }}";

export class KeitaroApi implements ICredentialType {
	name = 'keitaroApi';

	displayName = 'Keitaro API';

	icon: Icon = {
		light: 'file:../nodes/Keitaro/keitaro.svg',
		dark: 'file:../nodes/Keitaro/keitaro.dark.svg',
	};

	documentationUrl = 'https://github.com/keitaro-n8n/n8n-nodes-keitaro-tracker#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Tracker URL',
			name: 'url',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://tracker.example.com',
			description:
				'Address of your Keitaro tracker. "tracker.example.com", "https://tracker.example.com/" and "https://tracker.example.com/admin_api/v1" all work; add the port if the tracker uses one.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Admin API key. Create it in Keitaro under Maintenance → Users → API keys (newer versions: Account → API keys). The key has the rights of its user.',
		},
		{
			displayName: 'Postback Key',
			name: 'postbackSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Needed only to create or change conversions. Keitaro shows it under Settings → Postback URL: it is the part between the domain and "/postback", e.g. "a1b2c3d" in https://tracker.example.com/a1b2c3d/postback.',
		},
		{
			displayName: 'Send API Key As',
			name: 'authHeader',
			type: 'options',
			default: 'apiKey',
			options: [
				{
					name: 'Api-Key Header',
					value: 'apiKey',
					description: 'Works on every Keitaro version',
				},
				{
					name: 'Authorization: Bearer',
					value: 'bearer',
					description: 'For newer Keitaro builds behind proxies that drop custom headers',
				},
			],
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description:
				'Whether to connect even if the TLS certificate cannot be verified, e.g. a self-signed certificate on a self-hosted tracker',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const header =
			credentials.authHeader === 'bearer'
				? { Authorization: `Bearer ${credentials.apiKey as string}` }
				: { 'Api-Key': credentials.apiKey as string };
		return { ...requestOptions, headers: { ...requestOptions.headers, ...header } };
	}

	// One row of today's conversions log: cheap, readable by any key with report access, and always
	// a JSON object. A wrong key answers 401 ("Authorization failed"); a wrong address fails to connect
	// or answers 404; a web page at the address (Keitaro's admin panel answers unknown paths with 200
	// HTML) has no "rows", which the rule below reports.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `=${TRACKER_BASE_URL_EXPRESSION}/admin_api/v1`,
			url: '/conversions/log',
			method: 'POST',
			body: { range: { interval: 'today' }, columns: ['conversion_id'], limit: 1 },
			json: true,
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'rows',
					value: undefined,
					message:
						'The address answers, but not like Keitaro’s Admin API. Check the Tracker URL: the address of your tracker, not of a web page or of the admin panel.',
				},
			},
		],
	};
}
