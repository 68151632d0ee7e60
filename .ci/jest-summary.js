// Reads jest's --json results and prints "<passed> <failed> <detail>". A suite that failed to load
// or failed outside its tests counts as a failure, as does a missing or unreadable results file or
// a non-zero jest exit with nothing failed in the file: the summary never reads better than the run.
// Usage: node .ci/jest-summary.js <results.json> <jest exit code>
const { readFileSync } = require('node:fs');

const [file, exitArg] = process.argv.slice(2);
const exitCode = Number(exitArg ?? 0);
let results;
try {
	results = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
	console.log(`0 1 no results in ${file} (${error.code ?? error.message}); jest exited ${exitCode}`);
	process.exit(0);
}
const suitesFailedOutsideTests = (results.testResults ?? []).filter(
	(suite) => suite.status === 'failed' && !(suite.assertionResults ?? []).some((t) => t.status === 'failed'),
);
let failed = results.numFailedTests + suitesFailedOutsideTests.length;
const details = [
	`${results.numTotalTestSuites} suites`,
	`${results.numFailedTestSuites} failed`,
	`${results.numRuntimeErrorTestSuites} failed to run`,
];
for (const suite of suitesFailedOutsideTests)
	details.push(`suite failed outside its tests: ${suite.name.replace(process.cwd() + '/', '')}`);
if (exitCode !== 0 && failed === 0) {
	failed = 1;
	details.push(`jest exited ${exitCode} with no failure in its results`);
}
console.log(`${results.numPassedTests} ${failed} ${details.join('; ')}`);
