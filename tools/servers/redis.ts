// Redis, the gateways' shared store (API keys and rate-limit counters): Debian's redis-server
// (scripts/install-debian-tools.sh), on loopback, on a free port, with a password made for the
// run and nothing written to disk.
import { randomBytes } from "node:crypto";
import { firstExisting } from "./paths";
import { freePort } from "./ports";
import { listening, startProcess } from "./processes";

export function redisServerBinary(): string {
	return firstExisting(
		[process.env.REDIS_SERVER_BIN, "/usr/bin/redis-server", "/usr/local/bin/redis-server"],
		"redis-server not found: run `bash scripts/install-test-servers.sh` (or set REDIS_SERVER_BIN)",
	);
}

export interface RedisServer {
	/** The server's URL with its password, as GATEWAY_STORE takes it. */
	url: string;
	stop(): Promise<void>;
}

/** Starts redis-server on 127.0.0.1, a free port; `stop()` ends it. */
export async function startRedis(logDir: string): Promise<RedisServer> {
	const port = await freePort();
	const password = randomBytes(18).toString("base64url");
	const child = startProcess(
		redisServerBinary(),
		[
			"--bind",
			"127.0.0.1",
			"--port",
			String(port),
			"--requirepass",
			password,
			"--save",
			"",
			"--appendonly",
			"no",
		],
		"redis-server",
		logDir,
		{},
	);
	return { url: `redis://:${password}@127.0.0.1:${port}`, stop: await listening(child, port) };
}
