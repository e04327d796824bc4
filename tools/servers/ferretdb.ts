// FerretDB, the store (MongoDB wire protocol): built from tools/ferretdb by
// scripts/install-ferretdb.sh, on SQLite in the data folder or on a PostgreSQL database.
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "./paths";
import { type ProcessOptions, startProcess } from "./processes";

export interface FerretDbOptions extends ProcessOptions {
	/** FerretDB's backend: SQLite in the data folder (the default), or this PostgreSQL database. */
	postgresqlUrl?: string;
}

export function ferretDbBinary(): string {
	const path = process.env.FERRETDB_BIN ?? join(REPO_ROOT, ".cache", "bin", "ferretdb");
	if (!existsSync(path))
		throw new Error(
			"FerretDB not built: run `bash scripts/install-test-servers.sh` (or set FERRETDB_BIN)",
		);
	return path;
}

/** Starts FerretDB on 127.0.0.1:`port`, its SQLite files (if any) and log in `dataDir`. */
export function startFerretDb(
	port: number,
	dataDir: string,
	options: FerretDbOptions,
): ChildProcess {
	const args = [
		...backendArgs(dataDir, options.postgresqlUrl),
		`--listen-addr=127.0.0.1:${port}`,
		"--telemetry=disable",
		"--state-dir=-",
		"--debug-addr=-",
		"--log-level=warn",
	];
	return startProcess(ferretDbBinary(), args, "ferretdb", dataDir, options);
}

function backendArgs(dataDir: string, postgresqlUrl: string | undefined): string[] {
	if (postgresqlUrl) return ["--handler=postgresql", `--postgresql-url=${postgresqlUrl}`];
	const sqliteDir = join(dataDir, "sqlite");
	mkdirSync(sqliteDir, { recursive: true });
	return ["--handler=sqlite", `--sqlite-url=file:${sqliteDir}/`];
}
