/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * `npm run demo`: the main job on the embedded default. Starts the Kie simulator, runs the example
 * generation workflow (test/demo/demo-generate.json: three prompts → Kie.ai Generate with
 * nano-banana-pro, wait and download) through n8n's own engine with the built node, writes the
 * images to demo-output/ and prints what was made.
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import path from 'path';

import { kieCredentials, runWorkflow } from '../harness';
import { packageRoot } from '../harness/node-types';
import { startSimulator } from '../simulator';

async function main(): Promise<void> {
	const started = Date.now();
	const sim = await startSimulator({ generationMs: 2000 });
	const outputDir = path.join(packageRoot, 'demo-output');
	try {
		console.log(`Kie simulator on ${sim.baseUrl} (uploads on ${sim.uploadBaseUrl})`);
		console.log('Running test/demo/demo-generate.json through n8n’s engine…\n');
		const result = await runWorkflow('test/demo/demo-generate.json', {
			credentials: { kieApi: kieCredentials(sim) },
		});
		if (result.error) {
			throw new Error(
				`The workflow failed: ${result.error.message} ${result.error.description ?? ''}`,
			);
		}
		const items = result.outputOf('Kie.ai');
		rmSync(outputDir, { recursive: true, force: true });
		mkdirSync(outputDir, { recursive: true });
		const rows: string[][] = [];
		for (const item of items) {
			const json = item.json as Record<string, unknown>;
			const prompt = String((json.param as { input?: { prompt?: string } })?.input?.prompt ?? '');
			for (const [property, binary] of Object.entries(item.binary ?? {})) {
				const bytes = await result.binaryBuffer(item, property);
				const fileName = binary.fileName ?? `${String(json.taskId)}.bin`;
				writeFileSync(path.join(outputDir, fileName), bytes);
				rows.push([
					prompt.length > 38 ? `${prompt.slice(0, 37)}…` : prompt,
					String(json.state),
					`demo-output/${fileName}`,
					binary.mimeType,
					`${bytes.length} B`,
					`${Number(json.costTime ?? 0) / 1000} s`,
				]);
			}
		}
		const header = ['prompt', 'state', 'file', 'type', 'size', 'generation'];
		const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
		const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
		console.log(line(header));
		console.log(widths.map((w) => '-'.repeat(w)).join('  '));
		for (const row of rows) console.log(line(row));
		console.log(
			`\n${rows.length} image(s) from ${items.length} item(s) in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
				`the simulator saw ${sim.record.count('createTask')} create(s) and ${sim.record.count('recordInfo')} poll(s).`,
		);
	} finally {
		await sim.stop();
	}
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	},
);
