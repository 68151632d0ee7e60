/* eslint-disable */ // test infrastructure: not shipped, not scanned
/**
 * Starts the Keitaro simulator as its own process (end-to-end run, benchmarks, manual tries):
 *   npx tsx test/simulator/cli.ts --port 18080 [--latency-ms 2] [--postback-delay-ms 20]
 *       [--api-key KEY] [--postback-key KEY] [--no-seed]
 * Prints one JSON line {url, apiKey, postbackKey} when ready; stops on SIGTERM/SIGINT.
 */
import { DEFAULT_API_KEY, DEFAULT_POSTBACK_KEY, KeitaroSimulator } from './server';
import { seedDemo } from './fixtures';

function arg(name: string): string | undefined {
	const index = process.argv.indexOf(`--${name}`);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
	const apiKey = arg('api-key') ?? DEFAULT_API_KEY;
	const postbackKey = arg('postback-key') ?? DEFAULT_POSTBACK_KEY;
	const sim = new KeitaroSimulator({
		apiKeys: { [apiKey]: 'admin' },
		postbackKey,
		latencyMs: Number(arg('latency-ms') ?? 0),
		postbackDelayMs: Number(arg('postback-delay-ms') ?? 20),
	});
	if (!process.argv.includes('--no-seed')) seedDemo(sim.state, sim.now());
	const url = await sim.start(Number(arg('port') ?? 0), arg('host') ?? '127.0.0.1');
	console.log(JSON.stringify({ url, apiKey, postbackKey }));
	const stop = () => void sim.stop().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

void main();
