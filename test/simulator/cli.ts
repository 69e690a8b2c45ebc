/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * Runs the Kie simulator from a shell:
 *   node build-test/test/simulator/cli.js [--port N] [--upload-port N] [--generation-ms N] [--key K]
 * Stops on SIGINT / SIGTERM.
 */
import { startSimulator } from './simulator';

interface CliArguments {
	port?: number;
	uploadPort?: number;
	generationMs?: number;
	key: string;
}

function usage(message: string): never {
	console.error(message);
	console.error('usage: cli.js [--port N] [--upload-port N] [--generation-ms N] [--key K]');
	process.exit(2);
}

function parseArguments(argv: string[]): CliArguments {
	const parsed: CliArguments = { key: 'sim-key' };
	for (let index = 0; index < argv.length; index++) {
		const [flag, inlineValue] = argv[index].split(/=(.*)/s, 2);
		const value = inlineValue ?? argv[++index];
		if (value === undefined) usage(`missing value for ${flag}`);
		const number = Number(value);
		const needsNumber = flag !== '--key';
		if (needsNumber && (!Number.isInteger(number) || number < 0)) {
			usage(`${flag} needs a non-negative integer, got "${value}"`);
		}
		switch (flag) {
			case '--port':
				parsed.port = number;
				break;
			case '--upload-port':
				parsed.uploadPort = number;
				break;
			case '--generation-ms':
				parsed.generationMs = number;
				break;
			case '--key':
				parsed.key = value;
				break;
			default:
				usage(`unknown option ${flag}`);
		}
	}
	return parsed;
}

async function main(): Promise<void> {
	const args = parseArguments(process.argv.slice(2));
	const simulator = await startSimulator(
		{ apiKeys: [args.key], generationMs: args.generationMs },
		{ port: args.port, uploadPort: args.uploadPort },
	);
	console.log('Kie simulator running');
	console.log(`  baseUrl:       ${simulator.baseUrl}`);
	console.log(`  uploadBaseUrl: ${simulator.uploadBaseUrl}`);
	console.log(`  apiKey:        ${args.key}`);
	console.log('Ctrl+C to stop.');
	const shutdown = () => {
		void simulator.stop().then(() => process.exit(0));
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
