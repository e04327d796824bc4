// NATS, the transporter: Debian's nats-server (scripts/install-test-servers.sh installs it).
import type { ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { type ProcessOptions, startProcess } from "./processes";

export function natsServerBinary(): string {
	const candidates = [
		process.env.NATS_SERVER_BIN,
		"/usr/sbin/nats-server",
		"/usr/bin/nats-server",
		"/usr/local/bin/nats-server",
	];
	const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
	if (!found)
		throw new Error(
			"nats-server not found: run `bash scripts/install-test-servers.sh` (or set NATS_SERVER_BIN)",
		);
	return found;
}

/** Starts nats-server on 127.0.0.1:`port`. */
export function startNats(port: number, logDir: string, options: ProcessOptions): ChildProcess {
	return startProcess(
		natsServerBinary(),
		["-a", "127.0.0.1", "-p", String(port)],
		"nats-server",
		logDir,
		options,
	);
}
