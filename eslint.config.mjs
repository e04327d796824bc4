// Lint rules: eslint's and typescript-eslint's recommended sets, with the few choices below, and
// matchday's own: imports point one way down the layers (tools/lint/layers.mjs).
import js from "@eslint/js";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";
import { layersRule } from "./tools/lint/layers.mjs";

export default tseslint.config(
	{
		ignores: [
			"node_modules/",
			"dist/",
			".cache/",
			".infra/",
			"coverage/",
			"data/",
			"test-artifacts/",
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: {
			globals: {
				require: "readonly",
				module: "writable",
				__dirname: "readonly",
				process: "readonly",
				console: "readonly",
			},
		},
		plugins: { matchday: { rules: { layers: layersRule } }, "import-x": importX },
		// Relative imports without an extension resolve to .ts files (as TypeScript and tsx resolve them).
		settings: {
			"import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".js", ".mjs"] })],
			"import-x/extensions": [".ts", ".js", ".mjs"],
			"import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
		},
		rules: {
			"matchday/layers": "error",
			// A cycle inside a layer is an arrow running back too.
			"import-x/no-cycle": ["error", { ignoreExternal: true }],
			// Service discovery loads services lazily with require().
			"@typescript-eslint/no-require-imports": "off",
			"@typescript-eslint/no-unused-vars": [
				"error",
				{ argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
			],
			eqeqeq: ["error", "always"],
			"no-console": "off",
		},
	},
	{
		// The dashboard's and the API docs' browser code and the dashboard's tests: ES modules,
		// type-checked against the DOM by tsc (services/api/{dashboard,docs}/tsconfig.json), which
		// also knows every browser and Jest global.
		files: [
			"services/api/dashboard/public/**/*.js",
			"services/api/docs/public/**/*.js",
			"test/unit/services/api/dashboard/**/*.js",
		],
		languageOptions: { sourceType: "module" },
		rules: { "no-undef": "off" },
	},
);
