/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * The editor check: Debian's Chromium, driven by playwright-core (no browser download), logs in to
 * the running n8n like a user, finds the Keitaro node in the nodes panel by its name and by a
 * Russian alias, adds it, and reads the Resource and Operation dropdowns. It also opens the stored
 * credential and checks that the form shows no secret. Screenshots go to `screenshotDir`.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type Browser, type Page } from 'playwright-core';

import type { N8n } from './n8n';
import { N8nApi } from './n8n';
import { keitaroUi } from './package-info';

export const CHROMIUM = '/usr/bin/chromium';

// without the background-networking switches Chromium keeps calling Google's hosts, which this
// network refuses
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	// containers (CI) give /dev/shm 64 MB, too little for Chromium
	'--disable-dev-shm-usage',
];

export interface EditorCheckOptions {
	screenshotDir: string;
	/** strings that must not appear in the credential form */
	secrets: string[];
	credentialId: string;
	/** a Russian name from the node's codex aliases */
	russianAlias: string;
}

export async function checkEditor(n8n: N8n, options: EditorCheckOptions): Promise<string[]> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`${CHROMIUM} is missing; install Debian's Chromium: apt-get install -y chromium`,
		);
	}
	mkdirSync(options.screenshotDir, { recursive: true });
	const profile = mkdtempSync(join(tmpdir(), 'keitaro-e2e-chromium-'));
	// n8n marks its elements with data-test-id
	selectors.setTestIdAttribute('data-test-id');
	let browser: Browser | undefined;
	try {
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			args: CHROMIUM_ARGS,
			viewport: { width: 1400, height: 900 },
			timeout: 60_000,
		});
		browser = context.browser() ?? undefined;
		context.setDefaultTimeout(30_000);
		const page = context.pages()[0] ?? (await context.newPage());
		const report: string[] = [];
		try {
			await logIn(page, n8n.baseUrl);
			report.push('logged in through the sign-in form');
			report.push(...(await checkNodesPanel(page, n8n.baseUrl, options)));
			report.push(...(await checkDropdowns(page, options)));
			report.push(await checkCredentialForm(await context.newPage(), n8n.baseUrl, options));
		} catch (error) {
			const failure = join(options.screenshotDir, 'failure.png');
			await context
				.pages()
				.at(-1)
				?.screenshot({ path: failure })
				.catch(() => undefined);
			throw new Error(`${(error as Error).message}\n(the page at that moment: ${failure})`);
		}
		await context.close();
		return report;
	} finally {
		await browser?.close().catch(() => undefined);
		rmSync(profile, { recursive: true, force: true });
	}
}

async function logIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.locator('#emailOrLdapLoginId').fill(N8nApi.owner.email);
	await page.locator('#password').fill(N8nApi.owner.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => !url.pathname.includes('signin'));
}

async function checkNodesPanel(
	page: Page,
	baseUrl: string,
	options: EditorCheckOptions,
): Promise<string[]> {
	await page.goto(`${baseUrl}/workflow/new`);
	await page.getByTestId('node-creator-plus-button').click();
	const search = page.locator('input[data-test-id="node-creator-search-bar"]');
	const keitaroItem = page.getByTestId('node-creator-item-name').filter({ hasText: /^Keitaro$/ });
	const findBy = async (term: string) => {
		await search.fill(term);
		await keitaroItem.waitFor({ state: 'visible' });
	};
	await findBy('Keitaro');
	// the search really filters: a term that matches nothing hides the node, so the alias check can fail
	await search.fill('zzqx-no-such-node');
	await keitaroItem.waitFor({ state: 'hidden' });
	await findBy(options.russianAlias);
	const panel = page.getByTestId('node-creator');
	await panel.screenshot({ path: join(options.screenshotDir, 'nodes-panel-russian-search.png') });
	await findBy('Keitaro');
	await keitaroItem.click();
	const expected = keitaroUi().actions;
	const items = page.getByTestId('node-creator-item-name');
	await items.filter({ hasText: expected[0] }).first().waitFor();
	const shown = await items.allInnerTexts();
	const missing = expected.filter((action) => !shown.includes(action));
	if (missing.length)
		throw new Error(
			`the nodes panel does not offer ${missing.join(', ')}; it shows ${shown.join(', ')}`,
		);
	await panel.screenshot({ path: join(options.screenshotDir, 'nodes-panel.png') });
	return [
		`nodes panel: "Keitaro" and "${options.russianAlias}" find the node, a term that matches nothing does not`,
		`nodes panel actions: ${expected.join(', ')}`,
	];
}

/** The option names of a node parameter's dropdown; with `screenshot`, a picture of it open. */
async function dropdownOptions(
	page: Page,
	parameter: string,
	screenshot?: string,
): Promise<string[]> {
	await page.getByTestId(`parameter-input-${parameter}`).click();
	const list = page.locator('.el-select-dropdown:visible').first();
	const names = list.locator('[data-test-id="parameter-input-item"] .option-headline');
	await names.first().waitFor();
	const shown = await names.allInnerTexts();
	if (screenshot) await page.screenshot({ path: screenshot });
	await page.keyboard.press('Escape');
	// the next dropdown must not be read while this one is still fading out
	await list.waitFor({ state: 'hidden' });
	return shown;
}

async function checkDropdowns(page: Page, options: EditorCheckOptions): Promise<string[]> {
	await page
		.getByTestId('node-creator-item-name')
		.filter({ hasText: /^Update a conversion$/ })
		.click();
	await page.getByTestId('ndv').waitFor();
	const expected = keitaroUi();
	const report: string[] = [];
	for (const [parameter, wanted, screenshot] of [
		['resource', expected.resources, undefined],
		['operation', expected.operations, join(options.screenshotDir, 'node-operations.png')],
	] as const) {
		const shown = await dropdownOptions(page, parameter, screenshot);
		if (JSON.stringify(shown) !== JSON.stringify(wanted)) {
			throw new Error(
				`the ${parameter} dropdown shows ${JSON.stringify(shown)}; the node has ${JSON.stringify(wanted)}`,
			);
		}
		report.push(`${parameter} dropdown: ${shown.join(', ')}`);
	}
	return report;
}

async function checkCredentialForm(
	page: Page,
	baseUrl: string,
	options: EditorCheckOptions,
): Promise<string> {
	await page.goto(`${baseUrl}/home/credentials/${options.credentialId}`);
	const modal = page.getByTestId('editCredential-modal');
	await modal.waitFor();
	await modal.getByText('API Key').first().waitFor();
	const values = await modal
		.locator('input')
		.evaluateAll((inputs) =>
			inputs
				.map((input) => input as unknown as { type: string; value: string })
				.map(({ type, value }) => ({ type, value })),
		);
	const shown = `${await modal.innerText()}\n${values.map((v) => v.value).join('\n')}`;
	const leaked = options.secrets.filter((secret) => shown.includes(secret));
	if (leaked.length)
		throw new Error(`the credential form shows ${leaked.length} secret(s) in clear text`);
	const masked = values.filter((v) => v.type === 'password').length;
	if (masked < 2)
		throw new Error(
			`the credential form has ${masked} password field(s); API Key and Postback Key should be masked`,
		);
	await modal.screenshot({ path: join(options.screenshotDir, 'credential-form.png') });
	return `credential form: ${masked} masked fields, no secret in the page`;
}
