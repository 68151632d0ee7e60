/* eslint-disable */ // not shipped: runs under Node, outside the n8n sandbox rules
/**
 * What the built package declares, read from dist/ the way n8n reads it: the expected node types,
 * credential types and the Keitaro node's resources and operations. The end-to-end checks compare
 * the real n8n against these, so a new node or resource is checked without editing the checks.
 */
import { join } from 'node:path';

import type { ICredentialType, INodeProperties, INodeType } from 'n8n-workflow';

import { PACKAGE_NAME, PACKAGE_ROOT } from './n8n';

interface N8nBlock {
	nodes: string[];
	credentials: string[];
}

function loadClasses<T>(paths: string[]): T[] {
	return paths.flatMap((path) =>
		Object.values(require(join(PACKAGE_ROOT, path)) as Record<string, new () => T>).map(
			(Class) => new Class(),
		),
	);
}

const block: N8nBlock = require(join(PACKAGE_ROOT, 'package.json')).n8n;
export const nodeTypes = loadClasses<INodeType>(block.nodes);
export const credentialTypes = loadClasses<ICredentialType>(block.credentials);

/** Node types n8n must list: `<package>.<node>`, plus `<package>.<node>Tool` for AI-tool nodes. */
export function expectedNodeTypeNames(): string[] {
	return nodeTypes.flatMap(({ description }) => {
		const name = `${PACKAGE_NAME}.${description.name}`;
		return description.usableAsTool ? [name, `${name}Tool`] : [name];
	});
}

function optionNames(property: INodeProperties | undefined): string[] {
	return (property?.options ?? []).map((option) => option.name);
}

export interface KeitaroUi {
	/** the Resource dropdown */
	resources: string[];
	/** the Operation dropdown of the default resource */
	operations: string[];
	/** the nodes panel's actions: every operation's `action` label */
	actions: string[];
}

export function keitaroUi(): KeitaroUi {
	const keitaro = nodeTypes.find((node) => node.description.name === 'keitaro');
	if (!keitaro) throw new Error('dist/ has no node named "keitaro"');
	const properties = keitaro.description.properties;
	const resource = properties.find((p) => p.name === 'resource');
	const operationFields = properties.filter((p) => p.name === 'operation');
	const operation = operationFields.find((p) =>
		(p.displayOptions?.show?.resource as string[] | undefined)?.includes(String(resource?.default)),
	);
	const actions = operationFields.flatMap((field) =>
		(field.options ?? []).map((option) =>
			String((option as { action?: string }).action ?? option.name),
		),
	);
	return { resources: optionNames(resource), operations: optionNames(operation), actions };
}
