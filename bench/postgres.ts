// A throwaway PostgreSQL server for the benchmark's second FerretDB backend: Debian's
// `postgresql` package, a fresh cluster in a temporary folder, on a free loopback port.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitForPort } from "../tools/servers";

/** Debian installs each major version's programs in its own folder; the newest wins. */
const DEBIAN_POSTGRES_ROOT = "/usr/lib/postgresql";

export interface Postgres {
	url: string;
	pid: number;
	stop(): Promise<void>;
}

function binDir(): string {
	if (process.env.POSTGRES_BIN_DIR) return process.env.POSTGRES_BIN_DIR;
	const versions = existsSync(DEBIAN_POSTGRES_ROOT)
		? readdirSync(DEBIAN_POSTGRES_ROOT).filter(v => /^\d+$/.test(v))
		: [];
	if (versions.length === 0)
		throw new Error(
			"PostgreSQL not found: run `bash scripts/install-bench-tools.sh` (or set POSTGRES_BIN_DIR)",
		);
	return join(DEBIAN_POSTGRES_ROOT, String(Math.max(...versions.map(Number))), "bin");
}

/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user the package creates. */
function command(program: string, args: string[]): [string, string[]] {
	const path = join(binDir(), program);
	return process.getuid?.() === 0
		? ["runuser", ["-u", "postgres", "--", path, ...args]]
		: [path, args];
}

function run(program: string, args: string[]): void {
	const [file, argv] = command(program, args);
	execFileSync(file, argv, { stdio: ["ignore", "ignore", "pipe"] });
}

export async function startPostgres(): Promise<Postgres> {
	const dir = mkdtempSync(join(tmpdir(), "matchday-pg-"));
	if (process.getuid?.() === 0) {
		const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
		const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
		chownSync(dir, uid, gid);
	}
	const data = join(dir, "data");
	run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
	const port = await freePort();
	// Defaults but one: commits do not wait for the disk, as SQLite's FerretDB backend does not either.
	const [file, argv] = command("postgres", [
		"-D",
		data,
		"-p",
		String(port),
		"-k",
		dir,
		"-c",
		"listen_addresses=127.0.0.1",
		"-c",
		"synchronous_commit=off",
	]);
	const server: ChildProcess = spawn(file, argv, { stdio: ["ignore", "ignore", "ignore"] });
	await waitForPort(port, 30_000);
	run("createdb", ["-h", "127.0.0.1", "-p", String(port), "ferretdb"]);
	const stop = async () => {
		if (server.exitCode === null) {
			run("pg_ctl", ["-D", data, "stop", "-m", "fast"]);
			await new Promise(done =>
				server.exitCode === null ? server.once("exit", done) : done(null),
			);
		}
		rmSync(dir, { recursive: true, force: true });
	};
	return {
		url: `postgres://postgres@127.0.0.1:${port}/ferretdb`,
		pid: postgresPid(data) ?? server.pid!,
		stop,
	};
}

/** The postmaster's own pid (the first line of its pid file), not runuser's. */
function postgresPid(data: string): number | undefined {
	try {
		return (
			Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]) || undefined
		);
	} catch {
		return undefined;
	}
}
