// Where the repository is, for whatever runs from a clone: tests, the benchmark, the scripts.
import { resolve } from "node:path";

/** The repository's root: this file sits in tools/servers/. */
export const REPO_ROOT = resolve(__dirname, "..", "..");
