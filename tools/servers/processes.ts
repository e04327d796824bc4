// The servers' processes: started attached (their last output kept for an unexpected exit) or
// detached with a log in the data folder; stopped with SIGTERM, then SIGKILL.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { join } from "node:path";
import { waitForPort } from "./ports";

export interface ProcessOptions {
	/** The process outlives this one (infra:up); its output goes to `<logDir>/<name>.log`. */
	detached?: boolean;
}

const stopping = new WeakSet<ChildProcess>();

/** Starts `binary`; an exit nobody asked for is reported on stderr with the process's last output. */
export function startProcess(
	binary: string,
	args: string[],
	name: string,
	logDir: string,
	options: ProcessOptions,
): ChildProcess {
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
		if (code !== null && code !== 0 && !stopping.has(child))
			process.stderr.write(`${name} exited with ${code}: ${stderr}\n`);
	});
	return child;
}

/** Asks the process to end, kills it after 5 s; resolves once it has exited. */
export function stopProcess(child: ChildProcess): Promise<void> {
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

/** Resolves once `child` listens on `port`, with what stops it; stops it if it never does. */
export async function listening(child: ChildProcess, port: number): Promise<() => Promise<void>> {
	const stop = () => stopProcess(child);
	try {
		await waitForPort(port);
	} catch (err) {
		await stop();
		throw err;
	}
	return stop;
}
