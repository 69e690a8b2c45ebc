/* eslint-disable -- test code, not shipped: eslint.tests.config.mjs lints it */
import './instance-folder';

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PackageDirectoryLoader, RoutingNode } from 'n8n-core';
import type { ExecuteContext } from 'n8n-core';
import { NodeHelpers, UserError } from 'n8n-workflow';
import type {
	ICredentialType,
	IDataObject,
	INodeProperties,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';

import { FixtureItems } from './nodes/fixture-items';
import { KieProbe } from './nodes/kie-probe';
import { ManualTrigger } from './nodes/manual-trigger';
import { NoOp } from './nodes/no-op';

/** The repository root: the folder whose package.json names this package (works from test/ and build-test/). */
export const packageRoot = findPackageRoot(__dirname);

function findPackageRoot(start: string): string {
	for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		const manifest = path.join(dir, 'package.json');
		if (existsSync(manifest)) {
			const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
			if (name === 'n8n-nodes-kie') return dir;
		}
	}
	throw new Error(`No package.json of n8n-nodes-kie above ${start}`);
}

/**
 * n8n's own community-package loader, reading package.json's `n8n.nodes` / `n8n.credentials`
 * from dist/. Files that are not built yet are skipped (and listed) instead of failing the load.
 */
class BuiltPackageLoader extends PackageDirectoryLoader {
	readonly missingFiles: string[] = [];

	override async loadAll(): Promise<void> {
		const { n8n } = this.packageJson;
		if (n8n) {
			const built = (files: string[] | undefined) =>
				files?.filter((file) => {
					const exists = existsSync(this.resolvePath(file));
					if (!exists) this.missingFiles.push(file);
					return exists;
				});
			this.packageJson = {
				...this.packageJson,
				n8n: { ...n8n, nodes: built(n8n.nodes), credentials: built(n8n.credentials) },
			};
		}
		await super.loadAll();
	}
}

/** Test-only node types, under the type names a workflow JSON uses for them. */
const helperNodeTypes: Record<string, INodeType> = {
	'n8n-nodes-base.manualTrigger': new ManualTrigger(),
	'n8n-nodes-base.noOp': new NoOp(),
	'test.fixtureItems': new FixtureItems(),
	'test.kieProbe': new KieProbe(),
};

/** Node and credential types as n8n's NodeTypes / CredentialTypes services would serve them. */
export class HarnessTypes implements INodeTypes {
	constructor(private readonly loader: BuiltPackageLoader) {}

	get packageName(): string {
		return this.loader.packageName;
	}

	/** Files listed in package.json that are not in dist/ yet. */
	get missingFiles(): string[] {
		return this.loader.missingFiles;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const helper = helperNodeTypes[nodeType];
		if (helper) return helper;

		const prefix = `${this.packageName}.`;
		const loaded = nodeType.startsWith(prefix)
			? this.loader.nodeTypes[nodeType.slice(prefix.length)]
			: undefined;
		if (loaded) return loaded.type;

		const known = [
			...Object.keys(helperNodeTypes),
			...Object.keys(this.loader.nodeTypes).map((name) => prefix + name),
		];
		const hint = this.loader.nodeTypes[nodeType] ? ` Did you mean "${prefix}${nodeType}"?` : '';
		const notBuilt = this.missingFiles.length
			? ` Not built yet: ${this.missingFiles.join(', ')}.`
			: '';
		throw new UserError(
			`Unrecognized node type: ${nodeType}.${hint} Known: ${known.join(', ')}.${notBuilt}`,
		);
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const versioned = NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
		// As n8n's NodeTypes does: a declarative node (routing only) runs through RoutingNode.
		if (
			!versioned.execute &&
			!versioned.poll &&
			!versioned.trigger &&
			!versioned.webhook &&
			!versioned.supplyData
		) {
			versioned.execute = async function (this: ExecuteContext) {
				return (await new RoutingNode(this, versioned).runNode()) ?? [];
			};
		}
		return versioned;
	}

	getKnownTypes(): IDataObject {
		return this.loader.known.nodes;
	}

	getCredentialType(name: string): ICredentialType {
		const loaded = this.loader.credentialTypes[name];
		if (!loaded) {
			const notBuilt = this.missingFiles.length
				? ` Not built yet: ${this.missingFiles.join(', ')} (run npm run build).`
				: '';
			throw new UserError(`Unrecognized credential type: ${name}.${notBuilt}`);
		}
		return loaded.type;
	}

	/** The credential types `name` extends, nearest first (n8n's CredentialTypes.getParentTypes). */
	getCredentialParentTypes(name: string): string[] {
		const parents = this.loader.credentialTypes[name]?.type.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getCredentialParentTypes(parent)]);
	}

	/** Fully-qualified node types that declare the credential (n8n's CredentialTypes.getSupportedNodes). */
	getSupportedNodes(credentialType: string): string[] {
		const shortNames = this.loader.known.credentials[credentialType]?.supportedNodes ?? [];
		return shortNames.map((name) => `${this.packageName}.${name}`);
	}

	/** The credential's properties, parents' first (n8n's CredentialsHelper.getCredentialsProperties). */
	getCredentialProperties(name: string): INodeProperties[] {
		const type = this.getCredentialType(name);
		if (!type.extends) return type.properties;
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(combined, this.getCredentialProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}

let typesPromise: Promise<HarnessTypes> | undefined;

/** Loads the built package once (lazily, on first use). */
export async function getHarnessTypes(): Promise<HarnessTypes> {
	typesPromise ??= (async () => {
		const loader = new BuiltPackageLoader(packageRoot);
		await loader.loadAll();
		return new HarnessTypes(loader);
	})();
	return await typesPromise;
}
