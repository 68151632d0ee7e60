/* eslint-disable */
/**
 * The BUILT package (dist/, as `npm test` builds it) loads through n8n-core's
 * PackageDirectoryLoader, the loader the n8n server uses for installed community packages.
 */
import { PackageDirectoryLoader } from 'n8n-core';
import { join } from 'node:path';

import packageJson from '../package.json';

test('dist/ loads as n8n loads a community package', async () => {
	const loader = new PackageDirectoryLoader(join(__dirname, '..'));
	await loader.loadAll();
	expect(loader.packageName).toBe('n8n-nodes-keitaro-tracker');
	expect(Object.keys(loader.nodeTypes)).toEqual(expect.arrayContaining(['keitaro']));
	expect(Object.keys(loader.credentialTypes)).toEqual(['keitaroApi']);
	const keitaro = loader.types.nodes.find((d) => d.name.endsWith('keitaro'))!;
	expect(keitaro.usableAsTool).toBe(true);
	expect((keitaro as { codex?: { categories?: string[]; alias?: string[] } }).codex).toMatchObject({
		categories: ['Marketing', 'Analytics'],
		alias: expect.arrayContaining(['Конверсия', 'Кампания', 'Поток']),
	});
	expect(JSON.stringify(keitaro.iconUrl)).toMatch(/keitaro\.svg/);
	expect(JSON.stringify(keitaro.iconUrl)).toMatch(/keitaro\.dark\.svg/);
	expect(loader.known.credentials.keitaroApi.supportedNodes).toEqual(
		expect.arrayContaining(['keitaro']),
	);
});

test('package.json is what n8n and its verification expect', () => {
	expect((packageJson as { dependencies?: object }).dependencies).toBeUndefined();
	expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
	expect(packageJson.license).toBe('MIT');
	expect(packageJson.keywords).toContain('n8n-community-node-package');
	expect(packageJson.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
	for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials])
		expect(file).toMatch(/^dist\//);
});

test('index.js exports the built classes', () => {
	const entry = require('..');
	expect(Object.keys(entry).sort()).toEqual(['Keitaro', 'KeitaroApi']);
	expect(new entry.Keitaro().description.name).toBe('keitaro');
});

test('the package runs on the Node versions n8n 2.x runs on, and CHANGELOG describes its version', () => {
	const { readFileSync } = require('node:fs');
	const engines = (packageJson as { engines?: { node?: string } }).engines?.node ?? '';
	for (const major of ['22', '24']) expect(engines).toContain(major);
	const changelog = readFileSync(join(__dirname, '..', 'CHANGELOG.md'), 'utf8');
	const section = changelog.split(`## [${packageJson.version}]`)[1]?.split('\n## [')[0] ?? '';
	expect(section).toMatch(/^ - \d{4}-\d{2}-\d{2}\n/);
	expect(section).toMatch(/\n- \*\*/);
});
