// Unit tests run in parallel; integration tests start real processes on real NATS and
// FerretDB (started once by test/support/global-setup.ts, with tools/servers/), so they run
// one file at a time.
/** @type {import('jest').Config} */
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json" }];

module.exports = {
	reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
	projects: [
		{
			displayName: "unit",
			testEnvironment: "node",
			roots: ["<rootDir>/test/unit"],
			// Unit tests run on the in-memory store and a local broker, whatever servers the shell points at.
			setupFiles: ["<rootDir>/test/support/unit-env.ts"],
			// The dashboard's browser modules and their tests (plain ES modules) are compiled to CommonJS for Jest.
			transform: {
				"^.+\\.ts$": tsJest,
				"/dashboard/.+\\.js$": [
					"ts-jest",
					{
						tsconfig: {
							allowJs: true,
							module: "commonjs",
							target: "ES2023",
							isolatedModules: true,
						},
					},
				],
			},
		},
		{
			displayName: "integration",
			testEnvironment: "node",
			roots: ["<rootDir>/test/integration"],
			transform: { "^.+\\.ts$": tsJest },
			globalSetup: "<rootDir>/test/support/global-setup.ts",
			globalTeardown: "<rootDir>/test/support/global-teardown.ts",
			slowTestThreshold: 60,
		},
	],
};
