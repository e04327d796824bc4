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
);
