// Lint rules: eslint's and typescript-eslint's recommended sets, with the few choices below.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
	{ ignores: ["node_modules/", "dist/", ".cache/", ".infra/", "coverage/", "data/", "test-artifacts/"] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly", console: "readonly" } },
		rules: {
			// The service catalogue loads services lazily with require().
			"@typescript-eslint/no-require-imports": "off",
			"@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
			eqeqeq: ["error", "always"],
			"no-console": "off",
		},
	},
	{
		// The dashboard's and the API docs' browser code and the dashboard's tests: ES modules,
		// type-checked against the DOM by tsc (services/api/{dashboard,docs}/tsconfig.json), which
		// also knows every browser and Jest global.
		files: ["services/api/dashboard/public/**/*.js", "services/api/docs/public/**/*.js", "test/unit/services/api/dashboard/**/*.js"],
		languageOptions: { sourceType: "module" },
		rules: { "no-undef": "off" },
	},
);
