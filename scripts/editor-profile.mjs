/**
 * Where does the editor's time go? CPU profiles of n8n's editor page (Chrome DevTools Protocol),
 * for editor-timings.mjs (EDITOR_TIMINGS_PROFILE=<folder>).
 *
 * profiler(page, file) records each action passed to `around` as its own profile (so the waits
 * between actions do not count), writes them to <file>.cpuprofile (a JSON array of profiles) and
 * prints, over all of them, the functions with the most time of their own and the most time
 * with what they call, and per profile the time of n8n's walks over the node's definitions.
 * n8n's editor ships minified without source maps: each function is named by its script, line
 * and column, with the start of its source there.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const TOP = 25;

/** Self and total milliseconds per function over the profiles' samples. */
function summarize(profiles) {
	const functions = new Map();
	let sampled = 0;
	for (const profile of profiles) {
		const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
		const parents = new Map();
		for (const node of profile.nodes)
			for (const child of node.children ?? []) parents.set(child, node.id);
		const keyOf = (node) => {
			const { functionName, url, lineNumber, columnNumber, scriptId } = node.callFrame;
			const key = `${functionName}|${url}|${lineNumber}|${columnNumber}`;
			if (!functions.has(key))
				functions.set(key, {
					frame: { functionName, url, lineNumber, columnNumber, scriptId },
					self: 0,
					total: 0,
				});
			return key;
		};
		profile.samples.forEach((id, index) => {
			const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
			sampled += ms;
			const node = nodes.get(id);
			functions.get(keyOf(node)).self += ms;
			const seen = new Set();
			for (let at = id; at !== undefined; at = parents.get(at)) {
				const key = keyOf(nodes.get(at));
				if (seen.has(key)) continue;
				seen.add(key);
				functions.get(key).total += ms;
			}
		});
	}
	return { functions: [...functions.values()], sampled };
}

/**
 * n8n's functions that walk the node's definitions (docs/editor-speed.md), by name: self and
 * total milliseconds per profile (a name counted once per sample however deep it recurses).
 */
const WALKS = [
	'getNodeParameters',
	'getParameterResolveOrder',
	'getParameterDependencies',
	'displayParameter',
	'getParameterDisplayableOptions',
	'shouldDisplayNodeParameter',
	'updateNodeParameter',
];

function walks(profiles) {
	const totals = new Map(WALKS.map((name) => [name, { self: 0, total: 0 }]));
	for (const profile of profiles) {
		const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
		const parents = new Map();
		for (const node of profile.nodes)
			for (const child of node.children ?? []) parents.set(child, node.id);
		profile.samples.forEach((id, index) => {
			const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
			const own = totals.get(nodes.get(id).callFrame.functionName);
			if (own) own.self += ms;
			const seen = new Set();
			for (let at = id; at !== undefined; at = parents.get(at)) {
				const name = nodes.get(at).callFrame.functionName;
				if (seen.has(name) || !totals.has(name)) continue;
				seen.add(name);
				totals.get(name).total += ms;
			}
		});
	}
	const per = (value) => (value / profiles.length).toFixed(1).padStart(6);
	return [...totals].map(([name, { self, total }]) => `${per(self)} ${per(total)}  ${name}`);
}

async function sourceAt(session, frame, sources) {
	if (!frame.url || !frame.scriptId) return '';
	if (!sources.has(frame.scriptId)) {
		const source = await session
			.send('Debugger.getScriptSource', { scriptId: frame.scriptId })
			.then((answer) => answer.scriptSource.split('\n'))
			.catch(() => []);
		sources.set(frame.scriptId, source);
	}
	const line = sources.get(frame.scriptId)[frame.lineNumber] ?? '';
	return line.slice(frame.columnNumber, frame.columnNumber + 70).replace(/\s+/g, ' ');
}

/** Records the actions passed to `around` when `file` is set; `finish` writes and prints. */
export async function profiler(page, file) {
	if (!file) return { around: (act) => act(), finish: async () => {} };
	const session = await page.context().newCDPSession(page);
	await session.send('Profiler.enable');
	await session.send('Profiler.setSamplingInterval', { interval: 100 });
	const profiles = [];
	return {
		async around(act) {
			await session.send('Profiler.start');
			try {
				return await act();
			} finally {
				profiles.push((await session.send('Profiler.stop')).profile);
			}
		},
		async finish(title) {
			writeFileSync(`${file}.cpuprofile`, JSON.stringify(profiles));
			await session.send('Debugger.enable');
			const { functions, sampled } = summarize(profiles);
			const sources = new Map();
			const line = async ({ frame, self, total }) => {
				const where = frame.url
					? `${path.basename(frame.url)}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
					: '';
				const name = frame.functionName || '(anonymous)';
				const ms = (value) => value.toFixed(0).padStart(6);
				return `${ms(self)} ${ms(total)}  ${name} ${where}  ${await sourceAt(session, frame, sources)}`;
			};
			console.log(`\n${title}: ${profiles.length} profiles, ${sampled.toFixed(0)} ms sampled`);
			console.log('  self  total (ms), by time of their own:');
			for (const entry of [...functions].sort((a, b) => b.self - a.self).slice(0, TOP))
				console.log(await line(entry));
			console.log("  self  total (ms per profile): n8n's walks over the definitions");
			for (const line of walks(profiles)) console.log(line);
			console.log('  self  total (ms), by time with what they call:');
			for (const entry of [...functions].sort((a, b) => b.total - a.total).slice(0, TOP * 2))
				console.log(await line(entry));
			await session.detach();
		},
	};
}
