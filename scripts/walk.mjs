#!/usr/bin/env node
/**
 * The walk of one image generation: node version 2, Image → Generate with nano-banana-pro and the
 * defaults (wait, download), run once through n8n's engine against the simulator, from the
 * moment the workflow starts to the emitted item. Prints
 * - the files: every file of dist/nodes/ with a function that ran during the run (module bodies
 *   run at load are not counted; everything is loaded before the run starts);
 * - the climbs back: a call from module A into a function of module B that A imports, handing it
 *   a function of A's (a closure, a callback, an object with methods) that B then runs: B calls
 *   back up into the module that uses it. Found in the TypeScript (a call whose callee is
 *   declared in another file of nodes/ with a function-valued argument), counted when both the
 *   caller and the callee ran in the walk.
 *
 * How: a child process runs the workflow with NODE_V8_COVERAGE; v8.takeCoverage() right before
 * and right after the run resets the counters and writes the run's own record, which this
 * script reads. Needs `npm run build` and `npm run build:test` first. `--json` prints JSON.
 *
 *   node scripts/walk.mjs
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The child: one workflow run between two coverage snapshots; prints the snapshot's file. */
async function runOnce() {
	const dir = process.env.NODE_V8_COVERAGE;
	const { startSimulator } = require(path.join(root, 'build-test/test/simulator'));
	const { runKie, kieOutput } = require(path.join(root, 'build-test/test/helpers/workflow'));
	const { getHarnessTypes } = require(path.join(root, 'build-test/test/harness/node-types'));
	getHarnessTypes();
	// Everything the run may load, loaded now, so the walk counts what runs, not what loads.
	for (const file of listFiles(path.join(root, 'dist/nodes'), '.js')) require(file);
	const sim = await startSimulator({ generationMs: 300 });
	const parameters = {
		resource: 'image',
		operation: 'generate',
		imageModel: 'nano-banana-pro',
		prompt: 'A lighthouse on a cliff at dawn',
	};
	try {
		v8.takeCoverage();
		const before = new Set(fs.readdirSync(dir));
		const result = await runKie(sim, parameters, { typeVersion: 2 });
		v8.takeCoverage();
		const [item] = kieOutput(result);
		if (item?.json.state !== 'success' || !item.binary?.data) {
			throw new Error(`The walk's run did not emit a downloaded image: ${JSON.stringify(item)}`);
		}
		const written = fs.readdirSync(dir).filter((name) => !before.has(name));
		process.stdout.write(JSON.stringify({ coverage: path.join(dir, written[0]) }));
	} finally {
		await sim.stop();
	}
}

function listFiles(dir, ext) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return listFiles(full, ext);
		return entry.name.endsWith(ext) ? [full] : [];
	});
}

/** Per file of dist/nodes/ (as its nodes/… .ts path): the names of its functions that ran. */
function ranFunctions(coverageFile) {
	const { result } = JSON.parse(fs.readFileSync(coverageFile, 'utf8'));
	const distNodes = path.join(root, 'dist/nodes') + path.sep;
	const ran = new Map();
	for (const script of result) {
		if (!script.url.startsWith('file://')) continue;
		const file = fileURLToPath(script.url);
		if (!file.startsWith(distNodes) || !file.endsWith('.js')) continue;
		const source = path.relative(path.join(root, 'dist'), file).replace(/\.js$/, '.ts');
		const names = new Set();
		for (const fn of script.functions) {
			const [whole] = fn.ranges;
			// The module's own body (offset 0) ran when it was loaded, before the walk.
			if (whole.startOffset === 0 || whole.count === 0) continue;
			names.add(fn.functionName);
		}
		if (names.size > 0) ran.set(source, names);
	}
	return ran;
}

/** A call into another file of nodes/ that hands over a function of the caller's module. */
function callsHandingFunctionsDown() {
	const ts = require('typescript');
	const files = listFiles(path.join(root, 'nodes'), '.ts');
	const program = ts.createProgram(files, {
		strict: true,
		target: ts.ScriptTarget.ES2022,
		module: ts.ModuleKind.CommonJS,
		esModuleInterop: true,
		resolveJsonModule: true,
		skipLibCheck: true,
		noEmit: true,
	});
	const checker = program.getTypeChecker();
	const rel = (file) => path.relative(root, file);
	const isFunction = (node) =>
		ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node);
	const handsFunction = (arg) => {
		if (isFunction(arg)) return true;
		if (ts.isObjectLiteralExpression(arg)) {
			return arg.properties.some(
				(p) =>
					ts.isMethodDeclaration(p) || (ts.isPropertyAssignment(p) && isFunction(p.initializer)),
			);
		}
		if (ts.isIdentifier(arg)) {
			return checker.getTypeAtLocation(arg).getCallSignatures().length > 0;
		}
		return false;
	};
	const enclosingName = (node) => {
		for (let at = node.parent; at; at = at.parent) {
			if (
				(ts.isFunctionDeclaration(at) || ts.isMethodDeclaration(at)) &&
				at.name &&
				ts.isIdentifier(at.name)
			) {
				return at.name.text;
			}
			if (
				isFunction(at) &&
				ts.isVariableDeclaration(at.parent) &&
				ts.isIdentifier(at.parent.name)
			) {
				return at.parent.name.text;
			}
		}
		return undefined;
	};
	const calls = [];
	for (const sourceFile of program.getSourceFiles()) {
		if (!sourceFile.fileName.startsWith(path.join(root, 'nodes') + path.sep)) continue;
		const visit = (node) => {
			if (ts.isCallExpression(node) && node.arguments.some(handsFunction)) {
				let symbol = checker.getSymbolAtLocation(
					ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression,
				);
				if (symbol && symbol.flags & ts.SymbolFlags.Alias)
					symbol = checker.getAliasedSymbol(symbol);
				const declaration = symbol?.declarations?.[0];
				const calleeFile = declaration?.getSourceFile().fileName;
				if (
					calleeFile &&
					calleeFile !== sourceFile.fileName &&
					calleeFile.startsWith(path.join(root, 'nodes') + path.sep)
				) {
					const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
					calls.push({
						caller: rel(sourceFile.fileName),
						line: line + 1,
						within: enclosingName(node),
						callee: rel(calleeFile),
						name: symbol.name,
					});
				}
			}
			ts.forEachChild(node, visit);
		};
		visit(sourceFile);
	}
	return calls;
}

async function main() {
	if (process.env.KIE_WALK_CHILD) return await runOnce();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kie-walk-'));
	try {
		const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
			cwd: root,
			env: { ...process.env, KIE_WALK_CHILD: '1', NODE_V8_COVERAGE: dir },
			encoding: 'utf8',
		});
		if (child.status !== 0) {
			process.stderr.write(child.stderr);
			throw new Error(`The walk's run failed (exit ${child.status})`);
		}
		const { coverage } = JSON.parse(child.stdout.trim().split('\n').pop());
		const ran = ranFunctions(coverage);
		const ranHere = (file, name) => name === undefined || (ran.get(file)?.has(name) ?? false);
		const climbs = callsHandingFunctionsDown().filter(
			(call) =>
				ran.has(call.caller) &&
				ranHere(call.caller, call.within) &&
				ranHere(call.callee, call.name),
		);
		const files = [...ran.keys()].sort();
		if (process.argv.includes('--json')) {
			console.log(JSON.stringify({ files, climbs }, null, 2));
			return;
		}
		console.log(`Files visited: ${files.length}`);
		for (const file of files) console.log(`  ${file}  (${[...ran.get(file)].join(', ')})`);
		console.log(`Climbs back: ${climbs.length}`);
		for (const c of climbs) {
			console.log(
				`  ${c.caller}:${c.line} (${c.within ?? 'anonymous'}) hands a function to ${c.callee} ${c.name}()`,
			);
		}
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

await main();
