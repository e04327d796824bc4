// ESLint rule `matchday/layers`: imports point one way, down the layers
//   domain ← contracts ← storage ← mixins ← services ← platform
// (a file may import its own layer and the layers to its left), and a service's folder imports
// no other service's folder. The tooling around the code (dataset, tools, bench, scripts, test)
// may import the layers, never the reverse, and bench/ and scripts/ not each other.
import { dirname, relative, resolve, sep } from "node:path";

/** The code's layers, from the bottom up. */
export const LAYERS = ["domain", "contracts", "storage", "mixins", "services", "platform"];
/** Top-level folders outside the layers, and what each may not import (besides nothing of theirs being imported by the layers). */
const TOOLING = {
	dataset: ["bench", "scripts", "test", "tools"],
	tools: ["bench", "scripts", "test", "dataset"],
	bench: ["scripts"],
	scripts: ["bench"],
	test: [],
};

/** `moleculer.config.ts` sits with platform: it reads the configuration and makes the broker's options. */
function layerOf(path) {
	const [top, second] = path.split(sep);
	if (path === "moleculer.config.ts")
		return { name: "platform", rank: LAYERS.indexOf("platform") };
	if (LAYERS.includes(top))
		return {
			name: top,
			rank: LAYERS.indexOf(top),
			folder: top === "services" ? second : undefined,
		};
	if (top in TOOLING) return { name: top, rank: Infinity };
	return undefined;
}

function problem(from, to) {
	if (from.rank !== Infinity && to.rank === Infinity)
		return `${from.name}/ may not import ${to.name}/ (tooling sits outside the layers)`;
	if (from.rank === Infinity)
		return TOOLING[from.name]?.includes(to.name)
			? `${from.name}/ may not import ${to.name}/`
			: undefined;
	if (to.rank > from.rank)
		return `${from.name}/ may not import ${to.name}/: imports point ${LAYERS.join(" ← ")}`;
	if (from.folder && to.folder && from.folder !== to.folder)
		return `services/${from.folder}/ may not import services/${to.folder}/: a service is its own folder`;
	return undefined;
}

export const layersRule = {
	meta: {
		type: "problem",
		docs: { description: "Imports point one way down matchday's layers" },
		schema: [],
	},
	create(context) {
		const root = context.cwd;
		const file = relative(root, context.filename);
		const from = layerOf(file);
		const check = (node, source) => {
			if (!from || typeof source !== "string" || !source.startsWith(".")) return;
			const target = relative(root, resolve(dirname(context.filename), source));
			const to =
				layerOf(target) ??
				(target === "moleculer.config" ? layerOf("moleculer.config.ts") : undefined);
			const message = to && problem(from, to);
			if (message) context.report({ node, message: `${message} (${source})` });
		};
		return {
			ImportDeclaration: node => check(node.source, node.source.value),
			ExportNamedDeclaration: node => node.source && check(node.source, node.source.value),
			ExportAllDeclaration: node => check(node.source, node.source.value),
			ImportExpression: node =>
				node.source.type === "Literal" && check(node.source, node.source.value),
			CallExpression: node => {
				if (
					node.callee.type === "Identifier" &&
					node.callee.name === "require" &&
					node.arguments[0]?.type === "Literal"
				)
					check(node.arguments[0], node.arguments[0].value);
			},
		};
	},
};
