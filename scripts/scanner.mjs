/**
 * n8n's verification scanner, @n8n/scan-community-package, loaded by package name with the packages
 * it uses resolved as it resolves them. Two installs: the pinned version, and the version of the
 * `@beta` tag, which n8n's Creator Portal runs, under an npm alias (package.json:
 * "scan-community-package-beta": "npm:@n8n/scan-community-package@<version>").
 */
import { createRequire } from 'node:module';

export const SCANNER_PACKAGES = ['@n8n/scan-community-package', 'scan-community-package-beta'];

export async function loadScanner(packageName) {
	const scannerPath = createRequire(import.meta.url).resolve(`${packageName}/scanner/scanner.mjs`);
	const scannerRequire = createRequire(scannerPath);
	// The scanner makes a temporary folder when it is imported; remove it when the process ends.
	scannerRequire('tmp').setGracefulCleanup();
	return {
		packageName,
		version: scannerRequire('../package.json').version,
		scanner: await import(scannerPath),
		scannerRequire,
	};
}
