// The NATS transporter's options from a TRANSPORTER URL: `nats://user:password@host:4222` (or
// `nats://token@host:4222`; several servers comma-separated; `tls://` for TLS), and the NATS_*
// variables. They are handed to the NATS client as its own options (servers, user, pass, token,
// tls) rather than as a URL: Moleculer reads only a user and password from a URL, undecoded. Used by every broker of ours: nodes, the REPL, test probes, the benchmark.
import { readFileSync } from "node:fs";
import { connect } from "nats";
import { ConfigError } from "./config";

export interface NatsAuth {
	/** Overrides the URL's user and password (NATS_USER, NATS_PASSWORD), or its token (NATS_TOKEN). */
	user?: string | null;
	password?: string | null;
	token?: string | null;
	/** TLS files (NATS_TLS_CA, NATS_TLS_CERT, NATS_TLS_KEY); any of them, or a tls:// URL, turns TLS on. */
	ca?: string | null;
	cert?: string | null;
	key?: string | null;
}

export interface NatsOptions {
	/** host:port of each server. */
	servers: string[];
	user?: string;
	pass?: string;
	token?: string;
	tls?: { ca?: string; cert?: string; key?: string };
}

/** The transporter options for Moleculer's NATS transporter. */
export function natsOptions(transporter: string, auth: NatsAuth = {}): NatsOptions {
	const urls = transporter.split(",").map(part => new URL(part.trim()));
	const first = urls[0];
	const options: NatsOptions = { servers: urls.map(u => u.host) };
	const user = auth.user ?? (first.password ? decodeURIComponent(first.username) : undefined);
	const password =
		auth.password ?? (first.password ? decodeURIComponent(first.password) : undefined);
	const token =
		auth.token ??
		(!first.password && first.username ? decodeURIComponent(first.username) : undefined);
	if (user && password) Object.assign(options, { user, pass: password });
	else if (token) options.token = token;
	const wantsTls =
		urls.some(u => u.protocol === "tls:") || Boolean(auth.ca || auth.cert || auth.key);
	if (wantsTls) {
		options.tls = {};
		if (auth.ca) options.tls.ca = readFileSync(auth.ca, "utf8");
		if (auth.cert) options.tls.cert = readFileSync(auth.cert, "utf8");
		if (auth.key) options.tls.key = readFileSync(auth.key, "utf8");
	}
	return options;
}

/** The URL as it may be shown: credentials replaced by `***`. */
export function redactedUrl(transporter: string): string {
	return transporter.replace(/\/\/[^@/]+@/g, "//***@");
}

/**
 * Connects once with these options and closes: throws ConfigError when NATS refuses them
 * (no or wrong credentials, TLS required). A server that is not up yet is no error here:
 * the broker waits for it, as it always has.
 */
export async function checkNatsCredentials(options: NatsOptions): Promise<void> {
	try {
		const connection = await connect({
			servers: options.servers,
			user: options.user,
			pass: options.pass,
			token: options.token,
			tls: options.tls,
			reconnect: false,
			timeout: 5_000,
			maxReconnectAttempts: 0,
		});
		await connection.close();
	} catch (err) {
		const code = String((err as { code?: unknown }).code ?? "");
		const message = (err as Error).message ?? String(err);
		// Retrying cannot help a certificate this node does not trust: say so, rather than wait forever.
		if (/certificate|self[- ]signed|CERT_|UNABLE_TO_VERIFY/i.test(`${code} ${message}`)) {
			throw new ConfigError(
				`NATS's TLS certificate is not accepted (${message}): set NATS_TLS_CA to the certificate of the CA that signed it, and name the server as its certificate does.`,
			);
		}
		if (
			/AUTHORIZATION_VIOLATION|AUTHENTICATION/i.test(code) ||
			/authorization|authentication|tls/i.test(message)
		) {
			throw new ConfigError(
				`NATS refused this node (${message}): give it the bus credentials, in TRANSPORTER (nats://user:password@host:port) or NATS_USER and NATS_PASSWORD (or NATS_TOKEN).`,
			);
		}
	}
}
