// Validates an OpenAPI document with a real validator (@seriousme/openapi-schema-validator).
// The package is an ES module, which Jest's CommonJS runtime cannot load: it runs in a Node
// child process, fed on stdin.
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../../tools/servers";

const CHECKER = `
import { readFileSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
const result = await new Validator().validate(JSON.parse(readFileSync(0, "utf8")));
process.stdout.write(JSON.stringify(result));
`;

export function validateOpenApi(document: unknown): { valid: boolean; errors?: unknown } {
	const run = spawnSync(process.execPath, ["--input-type=module", "-e", CHECKER], {
		cwd: REPO_ROOT,
		input: JSON.stringify(document),
		encoding: "utf8",
		maxBuffer: 16 << 20,
	});
	if (run.status !== 0) throw new Error(`the OpenAPI validator failed to run: ${run.stderr}`);
	return JSON.parse(run.stdout) as { valid: boolean; errors?: unknown };
}
