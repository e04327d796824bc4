// Where the repository is, for whatever runs from a clone: tests, the benchmark, the scripts.
import { existsSync } from "node:fs";
import { resolve } from "node:path";

/** The repository's root: this file sits in tools/servers/. */
export const REPO_ROOT = resolve(__dirname, "..", "..");

/** The first of `candidates` that exists (empty ones skipped), or an error that says how to get one. */
export function firstExisting(candidates: Array<string | undefined>, missing: string): string {
	const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
	if (!found) throw new Error(missing);
	return found;
}
