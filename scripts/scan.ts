/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * `npm run scan`: n8n's verification scan (`@n8n/scan-community-package`) without the registry.
 * The real scan needs a published version with npm provenance; its checks on the code are two
 * ESLint legs, which this runs locally with the scanner's own config:
 *   source leg   package.json + nodes/ + credentials/ of this repository (inline disables ignored)
 *   tarball leg  every .js file and package.json of the `npm pack` tarball
 * plus what the verification guidelines ask of the published package.json and tarball contents.
 * A canary package with a forbidden global and a runtime dependency must FAIL both legs first, so a
 * scan that silently checks nothing cannot pass.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..');
const SCANNER = '@n8n/scan-community-package/scanner/scanner.mjs';
const TARBALL_PATTERNS = ['**/*.js', 'package.json'];

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
}
interface Scanner {
	analyzePackage(dir: string, patterns: string[]): Promise<ScanResult>;
	SOURCE_FILE_PATTERNS: string[];
}

const failures: string[] = [];
function check(ok: boolean, what: string, detail = ''): void {
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}${detail ? `\n${detail}` : ''}`);
	if (!ok) failures.push(what);
}

/** A package that breaks the sandbox rules in its source and in its compiled file. */
function writeCanary(dir: string): void {
	const write = (path: string, text: string) => {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	};
	write(
		'package.json',
		JSON.stringify({
			name: 'n8n-nodes-scan-canary',
			version: '0.0.1',
			license: 'MIT',
			keywords: ['n8n-community-node-package'],
			dependencies: { 'left-pad': '1.3.0' },
			n8n: { n8nNodesApiVersion: 1, nodes: [] },
		}),
	);
	const leak = 'export const where = process.env.HOME;\nsetTimeout(() => undefined, 1);\n';
	write('nodes/Canary/leak.ts', leak);
	write('dist/nodes/Canary/leak.js', leak.replace('export const', 'exports.where ='));
}

async function main(): Promise<void> {
	const scanner = (await import(SCANNER)) as Scanner;
	const work = mkdtempSync(join(tmpdir(), 'keitaro-scan-'));
	try {
		const canary = join(work, 'canary');
		writeCanary(canary);
		for (const [leg, patterns] of [
			['source', scanner.SOURCE_FILE_PATTERNS],
			['tarball', TARBALL_PATTERNS],
		] as const) {
			const result = await scanner.analyzePackage(canary, patterns);
			const caught = ['no-restricted-globals', 'no-runtime-dependencies'].every((rule) =>
				result.details?.includes(rule),
			);
			check(
				!result.passed && caught,
				`canary: the ${leg} leg rejects a forbidden global and a runtime dependency`,
				caught ? '' : (result.details ?? result.message ?? ''),
			);
		}

		const source = await scanner.analyzePackage(ROOT, scanner.SOURCE_FILE_PATTERNS);
		check(
			source.passed,
			'source leg: package.json, nodes/, credentials/',
			source.details ?? source.message,
		);

		const packed = JSON.parse(
			execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
				cwd: ROOT,
				encoding: 'utf8',
			}),
		)[0] as { filename: string; files: Array<{ path: string }> };
		const unpacked = join(work, 'package');
		execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
		const tarball = await scanner.analyzePackage(unpacked, TARBALL_PATTERNS);
		check(tarball.passed, `tarball leg: ${packed.filename}`, tarball.details ?? tarball.message);

		const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
		const runtime = [
			'dependencies',
			'optionalDependencies',
			'bundleDependencies',
			'bundledDependencies',
		].flatMap((field) => Object.keys(manifest[field] ?? {}).map((name) => `${field}.${name}`));
		check(runtime.length === 0, 'no runtime dependencies', runtime.join(', '));
		check(
			JSON.stringify(manifest.peerDependencies) === JSON.stringify({ 'n8n-workflow': '*' }),
			'the only peer dependency is n8n-workflow: *',
		);
		check(manifest.license === 'MIT', 'licence is MIT');
		check(manifest.n8n?.strict === true, 'n8n.strict is true (n8n-node lint runs in strict mode)');
		const files = packed.files.map((f) => f.path);
		const registered = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
		const missing = registered.filter((path: string) => !files.includes(path));
		check(
			registered.length > 0 && missing.length === 0,
			'every node and credential in the n8n block is in the tarball',
			missing.join(', '),
		);
		const stray = files.filter(
			(path) =>
				!/^(dist\/|index\.js$|package\.json$|README\.md$|LICENSE$|CHANGELOG\.md$)/.test(path),
		);
		check(
			stray.length === 0,
			`the tarball ships only dist/, index.js and package metadata (${files.length} files)`,
			stray.join('\n'),
		);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	console.log(failures.length ? `\nscan failed: ${failures.join('; ')}` : '\nscan passed');
	process.exitCode = failures.length ? 1 : 0;
}

void main();
