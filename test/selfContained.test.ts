/* eslint-disable */
/**
 * The repository stands on its own: a clone from GitHub has nothing beside it, so no file may read
 * or name material outside the repository (the team's research folder, its notes by name).
 * Everything the code cites lives in docs/keitaro.md; the spec copy lives in test/fixtures/.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.tmp', 'coverage']);
const TEXT = /\.(ts|js|mjs|cjs|json|md|yml|yaml|sh|txt)$|^(run|\.npmrc|\.gitignore)$/;

// Built from parts so that this file does not match itself.
const SHARED = 'sha' + 'red';
export const OUTSIDE_REFERENCES: Array<{ what: string; pattern: RegExp }> = [
	{ what: `a path to ../${SHARED}`, pattern: new RegExp(`\\.\\.[/\\\\]${SHARED}\\b`) },
	{
		what: `a path.join to '..', '${SHARED}'`,
		pattern: new RegExp(`'\\.\\.'\\s*,\\s*(?:'\\.\\.'\\s*,\\s*)*'${SHARED}'`),
	},
	{ what: `the /work/${SHARED} folder`, pattern: new RegExp(`/work/${SHARED}\\b`) },
	{ what: 'the research notes by name', pattern: new RegExp('api' + '-notes|field' + '-evidence') },
];

function* files(dir: string): Generator<string> {
	for (const name of readdirSync(dir)) {
		if (SKIP_DIRS.has(name) || name === 'package-lock.json') continue;
		const path = join(dir, name);
		if (statSync(path).isDirectory()) yield* files(path);
		else if (TEXT.test(name)) yield path;
	}
}

export function findOutsideReferences(root: string): string[] {
	const found: string[] = [];
	for (const path of files(root)) {
		const lines = readFileSync(path, 'utf8').split('\n');
		lines.forEach((line, n) => {
			for (const { what, pattern } of OUTSIDE_REFERENCES)
				if (pattern.test(line)) found.push(`${relative(root, path)}:${n + 1}: ${what}`);
		});
	}
	return found;
}

test('no file reads or names material outside the repository', () => {
	expect(findOutsideReferences(ROOT)).toEqual([]);
});

test('the scan catches each kind of outside reference', () => {
	const samples = [
		`readFileSync('../${SHARED}/keitaro/spec.json')`,
		`join(__dirname, '..', '..', '${SHARED}', 'keitaro')`,
		`see /work/${SHARED}/README.md`,
		'see api' + '-notes §3.3',
	];
	for (const sample of samples)
		expect(OUTSIDE_REFERENCES.some(({ pattern }) => pattern.test(sample))).toBe(true);
	expect(OUTSIDE_REFERENCES.some(({ pattern }) => pattern.test("'shared by the tests'"))).toBe(false);
});

test('the spec fixture is the noted copy', () => {
	const { loadKeitaroSpec } = require('./support/spec');
	expect(loadKeitaroSpec().info.title).toBe('Keitaro Admin API');
});
