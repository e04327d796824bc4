// HAProxy in front of several gateways (`npm run cluster -- --gateways N`), Debian's `haproxy`:
// round robin over the gateways, each checked on /health/ready every CHECK_INTERVAL_MS, out after
// two failed checks and back after two good ones. A GET that meets a dead gateway (refused,
// reset, no answer) is retried on another before the client sees anything. Each answer says
// which gateway gave it (X-Served-By), so a client or a test can tell them apart.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { firstExisting } from "./paths";
import { listening, startProcess } from "./processes";

/** How often each gateway's readiness is checked; two failures in a row take it out (so within 2 s). */
export const CHECK_INTERVAL_MS = 1_000;

export function haproxyBinary(): string {
	return firstExisting(
		[
			process.env.HAPROXY_BIN,
			"/usr/sbin/haproxy",
			"/usr/bin/haproxy",
			"/usr/local/sbin/haproxy",
		],
		"haproxy not found: run `bash scripts/install-test-servers.sh` (or set HAPROXY_BIN)",
	);
}

export interface Backend {
	name: string;
	port: number;
}

/** The configuration: one frontend on `port`, the gateways behind it. */
export function haproxyConfig(host: string, port: number, backends: readonly Backend[]): string {
	return [
		"global",
		"  maxconn 4096",
		"defaults",
		"  mode http",
		"  timeout connect 2s",
		"  timeout client 60s",
		"  timeout server 60s",
		// Server-Sent Events stay open: no idle limit on a live stream's tunnel.
		"  timeout tunnel 1h",
		"  option redispatch",
		// The gateways see the client's address (TRUST_PROXY names HAProxy's), for their rate limits.
		"  option forwardfor",
		"  retries 3",
		"  retry-on conn-failure empty-response response-timeout",
		"frontend matchday",
		`  bind ${host}:${port}`,
		"  default_backend gateways",
		"backend gateways",
		"  balance roundrobin",
		"  option httpchk GET /health/ready",
		"  http-check expect status 200",
		`  default-server inter ${CHECK_INTERVAL_MS}ms fall 2 rise 2`,
		"  http-response set-header X-Served-By %s",
		...backends.map(backend => `  server ${backend.name} 127.0.0.1:${backend.port} check`),
		"",
	].join("\n");
}

export interface Haproxy {
	stop(): Promise<void>;
}

/** Starts HAProxy on host:port in front of `backends`; its configuration and log in `dir`. */
export async function startHaproxy(
	dir: string,
	host: string,
	port: number,
	backends: readonly Backend[],
): Promise<Haproxy> {
	mkdirSync(dir, { recursive: true });
	const file = join(dir, "haproxy.cfg");
	writeFileSync(file, haproxyConfig(host, port, backends));
	const child = startProcess(haproxyBinary(), ["-db", "-f", file], "haproxy", dir, {});
	return { stop: await listening(child, port) };
}
