// NATS, the transporter: the current 2.x server built from its Go module (scripts/install-nats.sh,
// into .cache/bin), or Debian's 2.9.10 where it could not be built. Always with authentication on.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { firstExisting, REPO_ROOT } from "./paths";
import { type ProcessOptions, startProcess } from "./processes";

export function natsServerBinary(): string {
	return firstExisting(
		[
			process.env.NATS_SERVER_BIN,
			join(REPO_ROOT, ".cache", "bin", "nats-server"),
			"/usr/sbin/nats-server",
			"/usr/bin/nats-server",
			"/usr/local/bin/nats-server",
		],
		"nats-server not found: run `bash scripts/install-test-servers.sh` (or set NATS_SERVER_BIN)",
	);
}

/** The bus credentials of servers we start: a user of ours and a password made for this run. */
export interface NatsCredentials {
	user: string;
	password: string;
}

export function newNatsCredentials(): NatsCredentials {
	return { user: "matchday", password: randomBytes(18).toString("base64url") };
}

/** Starts nats-server on 127.0.0.1:`port`, accepting only `credentials`; `extraArgs` add to its flags (TLS, say). */
export function startNats(
	port: number,
	logDir: string,
	options: ProcessOptions,
	credentials: NatsCredentials,
	extraArgs: string[] = [],
): ChildProcess {
	return startProcess(
		natsServerBinary(),
		[
			"-a",
			"127.0.0.1",
			"-p",
			String(port),
			"--user",
			credentials.user,
			"--pass",
			credentials.password,
			...extraArgs,
		],
		"nats-server",
		logDir,
		options,
	);
}

/** The TRANSPORTER of a server we started: its address with the credentials. */
export function natsUrl(port: number, credentials: NatsCredentials): string {
	return `nats://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}`;
}
