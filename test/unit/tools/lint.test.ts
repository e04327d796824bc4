// `npm run lint` is the rule-keeper: ESLint with matchday's layer rule and cycle check, and
// Prettier's check. Each is run here as the script runs it, on text of our own, so that a
// backwards import, a cycle or unformatted code is shown to fail — and the tree to pass.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..", "..");
const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

/** Lints `text` as if it were the file at `path` (relative to the repository). */
function eslint(path: string, text: string): string {
	const run = spawnSync(bin("eslint"), ["--stdin", "--stdin-filename", path], {
		cwd: ROOT,
		input: text,
		encoding: "utf8",
	});
	return run.stdout + run.stderr;
}

function prettierAccepts(path: string, text: string): boolean {
	const run = spawnSync(bin("prettier"), ["--check", "--stdin-filepath", path], {
		cwd: ROOT,
		input: text,
		encoding: "utf8",
	});
	return run.status === 0;
}

describe("the layer rule (matchday/layers)", () => {
	test.each([
		[
			"mixins/bad.ts",
			'import { config } from "../platform/config";\nexport const x = config;\n',
			"mixins/ may not import platform/",
		],
		[
			"services/players/bad.ts",
			'import { config } from "../../platform/config";\nexport const x = config;\n',
			"services/ may not import platform/",
		],
		[
			"domain/bad.ts",
			'import { FEED_ACTION } from "../contracts/feed";\nexport const x = FEED_ACTION;\n',
			"domain/ may not import contracts/",
		],
		[
			"contracts/bad.ts",
			'import { DbMixin } from "../mixins/db.mixin";\nexport const x = DbMixin;\n',
			"contracts/ may not import mixins/",
		],
		[
			"storage/bad.ts",
			'export { listPage } from "../mixins/listing";\n',
			"storage/ may not import mixins/",
		],
		[
			"services/players/bad.ts",
			'import { MATCHES } from "../results/results.projection";\nexport const x = MATCHES;\n',
			"services/players/ may not import services/results/",
		],
		[
			"mixins/bad.ts",
			'import { SOMETHING } from "../dataset/random";\nexport const x = SOMETHING;\n',
			"mixins/ may not import dataset/",
		],
		[
			"scripts/bad.ts",
			'import { renderReport } from "../bench/report";\nexport const x = renderReport;\n',
			"scripts/ may not import bench/",
		],
		[
			"services/players/bad.ts",
			'const loaded = require("../../platform/discovery");\nexport const x = loaded;\n',
			"services/ may not import platform/",
		],
	])("an import that runs back is an error: %s", (path, text, message) => {
		expect(eslint(path, text)).toContain(message);
	});

	test("imports down the layers, within a service's folder and from tooling are fine", () => {
		const fine: Array<[string, string]> = [
			[
				"platform/ok.ts",
				'import { DbMixin } from "../mixins/db.mixin";\nimport { topology } from "./topology";\nexport const x = [DbMixin, topology];\n',
			],
			[
				"services/players/ok.ts",
				'import { playersListParams } from "./players.contract";\nimport { listPage } from "../../mixins/listing";\nexport const x = [playersListParams, listPage];\n',
			],
			[
				"services/api/routes/ok.ts",
				'import { send } from "../http/reply";\nexport const x = send;\n',
			],
			[
				"bench/ok.ts",
				'import { topology } from "../platform/topology";\nexport const x = topology;\n',
			],
		];
		for (const [path, text] of fine)
			expect({ path, lint: eslint(path, text) }).toEqual({ path, lint: "" });
	});
});

describe("import cycles (import-x/no-cycle)", () => {
	test("a module that imports one that imports it back is an error", () => {
		// contracts/index.ts re-exports ./feed: a feed that imported the index would close a loop.
		const output = eslint(
			"contracts/feed.ts",
			'import { EVENTS } from "./index";\nexport const x = EVENTS;\n',
		);
		expect(output).toContain("Dependency cycle detected");
	});
});

describe("Prettier's check", () => {
	test("refuses unformatted code and accepts it formatted", () => {
		expect(prettierAccepts("mixins/x.ts", "export const  a={b:1,  c : 2}\n")).toBe(false);
		expect(prettierAccepts("mixins/x.ts", "export const a = { b: 1, c: 2 };\n")).toBe(true);
	});
});
