/**
 * The pinned @n8n/scan-community-package, loaded once for the scan gate (scan-package.mjs) and for
 * lint (eslint.config.mjs), with the packages it uses resolved as it resolves them.
 */
import { createRequire } from 'node:module';

const scannerPath = createRequire(import.meta.url).resolve(
	'@n8n/scan-community-package/scanner/scanner.mjs',
);
export const scannerRequire = createRequire(scannerPath);

// The scanner makes a temporary folder when it is imported; remove it when the process ends.
scannerRequire('tmp').setGracefulCleanup();

export const scanner = await import(scannerPath);
export const scannerVersion = scannerRequire('../package.json').version;
