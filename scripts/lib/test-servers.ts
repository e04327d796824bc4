// Starts real NATS and FerretDB (MongoDB wire protocol, SQLite backend) on loopback, on free
// ports, with data in a temporary folder. Used by `npm run infra:up` and by the tests.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const REPO_ROOT = resolve(__dirname, "..", "..");

export interface TestServers {
	transporter: string;
	mongoUri: string;
	dataDir: string;
	pids: number[];
	stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
	return new Promise((resolvePort, reject) => {
		const server = createServer();
		server.unref();
		server.on("error", reject);
		server.listen(0, "127.0.0.1", () => {
			const address = server.address();
			const port = typeof address === "object" && address ? address.port : 0;
			server.close(() => resolvePort(port));
		});
	});
}

/** Resolves once something accepts connections on the port. */
export async function waitForPort(port: number, timeoutMs = 15_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const open = await new Promise<boolean>(done => {
			const socket = createConnection({ host: "127.0.0.1", port });
			socket.once("connect", () => {
				socket.destroy();
				done(true);
			});
			socket.once("error", () => done(false));
		});
		if (open) return;
		if (Date.now() > deadline) throw new Error(`Nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
		await new Promise(r => setTimeout(r, 50));
	}
}

export function natsServerBinary(): string {
	const candidates = [process.env.NATS_SERVER_BIN, "/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"];
	const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
	if (!found) throw new Error("nats-server not found: run `bash scripts/install-test-servers.sh` (or set NATS_SERVER_BIN)");
	return found;
}

export function ferretDbBinary(): string {
	const path = process.env.FERRETDB_BIN ?? join(REPO_ROOT, ".cache", "bin", "ferretdb");
	if (!existsSync(path)) throw new Error("FerretDB not built: run `bash scripts/install-test-servers.sh` (or set FERRETDB_BIN)");
	return path;
}

/** `detached`: the servers outlive this process (infra:up); their output goes to a log in the data folder. */
export interface StartOptions {
	detached?: boolean;
	/** FerretDB's backend: SQLite in the data folder (the default), or this PostgreSQL database. */
	postgresqlUrl?: string;
}

function startProcess(binary: string, args: string[], name: string, logDir: string, options: StartOptions): ChildProcess {
	if (options.detached) {
		const log = openSync(join(logDir, `${name}.log`), "a");
		const child = spawn(binary, args, { stdio: ["ignore", log, log], detached: true });
		child.unref();
		return child;
	}
	const child = spawn(binary, args, { stdio: ["ignore", "ignore", "pipe"] });
	let stderr = "";
	child.stderr?.on("data", chunk => {
		stderr = (stderr + String(chunk)).slice(-4000);
	});
	child.once("exit", code => {
		// nats-server answers SIGTERM with exit code 1: only an exit nobody asked for is news.
		if (code !== null && code !== 0 && !stopping.has(child)) process.stderr.write(`${name} exited with ${code}: ${stderr}\n`);
	});
	return child;
}

const stopping = new WeakSet<ChildProcess>();

function stopProcess(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	stopping.add(child);
	return new Promise(done => {
		const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
		child.once("exit", () => {
			clearTimeout(timer);
			done();
		});
		child.kill("SIGTERM");
	});
}

/** Starts NATS and FerretDB; `stop()` ends both and removes the data folder. */
export async function startTestServers(options: StartOptions = {}): Promise<TestServers> {
	const dataDir = mkdtempSync(join(tmpdir(), "matchday-servers-"));
	mkdirSync(join(dataDir, "sqlite"));
	const [natsPort, mongoPort] = await Promise.all([freePort(), freePort()]);
	const nats = startProcess(natsServerBinary(), ["-a", "127.0.0.1", "-p", String(natsPort)], "nats-server", dataDir, options);
	const ferret = startProcess(
		ferretDbBinary(),
		[
			...(options.postgresqlUrl
				? ["--handler=postgresql", `--postgresql-url=${options.postgresqlUrl}`]
				: ["--handler=sqlite", `--sqlite-url=file:${join(dataDir, "sqlite")}/`]),
			`--listen-addr=127.0.0.1:${mongoPort}`,
			"--telemetry=disable",
			"--state-dir=-",
			"--debug-addr=-",
			"--log-level=warn",
		],
		"ferretdb",
		dataDir,
		options,
	);
	const stop = async () => {
		await Promise.all([stopProcess(nats), stopProcess(ferret)]);
		rmSync(dataDir, { recursive: true, force: true });
	};
	try {
		await Promise.all([waitForPort(natsPort), waitForPort(mongoPort)]);
	} catch (err) {
		await stop();
		throw err;
	}
	return {
		transporter: `nats://127.0.0.1:${natsPort}`,
		mongoUri: `mongodb://127.0.0.1:${mongoPort}/`,
		dataDir,
		pids: [nats.pid!, ferret.pid!],
		stop,
	};
}
