const path = require('path');
const { task, src, dest, parallel } = require('gulp');

// tsc emits JavaScript only; n8n also loads the icons and codex (.node.json) files from dist/.
function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg}');
	const nodeDestination = path.resolve('dist', 'nodes');
	return src(nodeSource, { encoding: false }).pipe(dest(nodeDestination));
}

function copyCredentialIcons() {
	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	return src(credSource, { encoding: false }).pipe(dest(credDestination));
}

function copyCodex() {
	return src(path.resolve('nodes', '**', '*.node.json')).pipe(dest(path.resolve('dist', 'nodes')));
}

task('build:icons', parallel(copyIcons, copyCredentialIcons, copyCodex));
