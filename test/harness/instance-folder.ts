/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
/**
 * n8n-core reads N8N_USER_FOLDER the first time it creates its instance settings (encryption
 * key, binary data storage). Every harness module imports this file before n8n-core so those
 * files land in a throwaway folder instead of the home folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const harnessUserFolder = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-kie-harness-'));
process.env.N8N_USER_FOLDER = harnessUserFolder;
// n8n logs node errors (with stacks) to the console; tests assert on them instead. N8N_LOG_LEVEL=debug shows them.
process.env.N8N_LOG_LEVEL ??= 'silent';

const removeUserFolder = () => rmSync(harnessUserFolder, { recursive: true, force: true });
try {
	// Under jest each test file loads the harness afresh, so each file cleans up its own folder.
	afterAll(removeUserFolder);
} catch {
	// Not under jest (a script), or loaded from inside a test where hooks cannot be added.
	process.once('exit', removeUserFolder);
}
