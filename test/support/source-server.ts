// A local HTTP server standing in for the sources sync downloads from, so that no test reaches
// the internet: openfootball's files under /openfootball/, served as they are from a folder
// (with ETag and Last-Modified, answering conditional GETs with 304), and football-data.org
// v4 under /v4/, from the recorded answers in test/fixtures/football-data (X-Auth-Token checked,
// its limit headers sent). A test can make a path fail, change a file, and read every request.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { REPO_ROOT } from "../../tools/servers";

export const FOOTBALL_DATA_FIXTURES = join(REPO_ROOT, "test", "fixtures", "football-data");
export const FOOTBALL_DATA_TOKEN = "test-token-0123456789";

export interface SeenRequest {
	path: string;
	headers: IncomingMessage["headers"];
	at: number;
	status: number;
}

/** How a path answers for the next `times` requests (Infinity: until told otherwise). */
interface Failure {
	status: number;
	times: number;
	headers: Record<string, string>;
}

export class SourceServer {
	readonly seen: SeenRequest[] = [];
	private server?: Server;
	private readonly failures = new Map<string, Failure>();
	private readonly replaced = new Map<string, string>();
	/** football-data's budget: requests left this minute, and when the count starts again. */
	private budget: { perWindow: number; windowMs: number; left: number; resetsAt: number } | null =
		null;

	private readonly startedAt = Date.now() - 60_000;
	private readonly modifiedAt = new Map<string, number>();
	/** False: openfootball files carry Last-Modified only. */
	etags = true;

	constructor(private readonly openfootballDir: string) {}

	async start(): Promise<string> {
		this.server = createServer((req, res) => this.answer(req, res));
		await new Promise<void>(resolve => this.server?.listen(0, "127.0.0.1", resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		const closed = new Promise<void>(resolve => this.server?.close(() => resolve()));
		this.server?.closeAllConnections();
		await closed;
	}

	/** The next `times` requests of `path` (no query) answer `status`. */
	fail(
		path: string,
		status: number,
		times = Infinity,
		headers: Record<string, string> = {},
	): void {
		this.failures.set(path, { status, times, headers });
	}

	heal(path: string): void {
		this.failures.delete(path);
	}

	/** Serves `content` for an openfootball file from now on (its ETag and Last-Modified change). */
	replace(file: string, content: unknown): void {
		// A second later than anything served before: Last-Modified has whole seconds.
		this.replaceText(file, JSON.stringify(content, null, 2));
	}

	/** Serves this text for an openfootball file from now on, JSON or not. */
	replaceText(file: string, text: string): void {
		this.replaced.set(file, text);
		this.modifiedAt.set(file, Math.max(Date.now(), this.modifiedAt.get(file) ?? 0) + 1000);
	}

	/** The content served for an openfootball file, parsed. */
	content(file: string): unknown {
		return JSON.parse(this.fileText(file) ?? "null");
	}

	/** football-data's per-minute limit, made short for a test: `perWindow` requests each `windowMs`. */
	limit(perWindow: number, windowMs: number): void {
		this.budget = { perWindow, windowMs, left: perWindow, resetsAt: Date.now() + windowMs };
	}

	requestsOf(prefix: string): SeenRequest[] {
		return this.seen.filter(seen => seen.path.startsWith(prefix));
	}

	private answer(req: IncomingMessage, res: ServerResponse): void {
		const path = (req.url ?? "/").split("?")[0];
		const send = (status: number, body: string, headers: Record<string, string> = {}) => {
			this.seen.push({ path: req.url ?? "/", headers: req.headers, at: Date.now(), status });
			res.writeHead(status, { "content-type": "application/json", ...headers });
			res.end(body);
		};
		const failure = this.failures.get(path);
		if (failure && failure.times > 0) {
			failure.times -= 1;
			send(
				failure.status,
				JSON.stringify({ message: `failing on purpose (${failure.status})` }),
				failure.headers,
			);
			return;
		}
		if (path.startsWith("/openfootball/")) return this.openfootball(req, path, send);
		if (path.startsWith("/v4/")) return this.footballData(req, send);
		send(404, JSON.stringify({ message: "no such resource" }));
	}

	private fileText(file: string): string | null {
		const replaced = this.replaced.get(file);
		if (replaced !== undefined) return replaced;
		const onDisk = join(this.openfootballDir, file);
		return existsSync(onDisk) ? readFileSync(onDisk, "utf8") : null;
	}

	private openfootball(
		req: IncomingMessage,
		path: string,
		send: (status: number, body: string, headers?: Record<string, string>) => void,
	): void {
		const file = decodeURIComponent(path.slice("/openfootball/".length));
		const text = file.includes("..") ? null : this.fileText(file);
		if (text === null) return send(404, JSON.stringify({ message: `no file ${file}` }));
		// Last-Modified only, when asked to: a server that gives no ETag is asked by date.
		const modified = new Date(this.modifiedAt.get(file) ?? this.startedAt).toUTCString();
		if (!this.etags) {
			const since = Date.parse(String(req.headers["if-modified-since"] ?? ""));
			if (since >= Date.parse(modified)) return send(304, "", { "last-modified": modified });
			return send(200, text, { "last-modified": modified });
		}
		const etag = `"${createHash("sha1").update(text).digest("hex")}"`;
		if (req.headers["if-none-match"] === etag) return send(304, "", { etag });
		send(200, text, { etag, "last-modified": modified });
	}

	private footballData(
		req: IncomingMessage,
		send: (status: number, body: string, headers?: Record<string, string>) => void,
	): void {
		if (req.headers["x-auth-token"] !== FOOTBALL_DATA_TOKEN)
			return send(
				403,
				JSON.stringify({
					message:
						"The resource you are looking for is restricted. Please pass a valid API token.",
					errorCode: 403,
				}),
			);
		const limitHeaders: Record<string, string> = {};
		if (this.budget) {
			const now = Date.now();
			if (now >= this.budget.resetsAt) {
				this.budget.left = this.budget.perWindow;
				this.budget.resetsAt = now + this.budget.windowMs;
			}
			const reset = String(Math.ceil((this.budget.resetsAt - now) / 1000));
			if (this.budget.left === 0)
				return send(
					429,
					JSON.stringify({
						message: `You reached your request limit. Wait ${reset} seconds.`,
						errorCode: 429,
					}),
					{ "x-requestcounter-reset": reset },
				);
			this.budget.left -= 1;
			limitHeaders["x-requests-available-minute"] = String(this.budget.left);
			limitHeaders["x-requestcounter-reset"] = reset;
		}
		const url = new URL(req.url ?? "/", "http://source");
		const parts = url.pathname.split("/").filter(Boolean); // v4, competitions, PL[, teams]
		const season = url.searchParams.get("season");
		const file =
			parts.length === 3
				? join(FOOTBALL_DATA_FIXTURES, "competitions", `${parts[2]}.json`)
				: join(
						FOOTBALL_DATA_FIXTURES,
						"competitions",
						parts[2] ?? "",
						`${parts[3]}-${season}.json`,
					);
		if (parts[1] !== "competitions" || !existsSync(file))
			return send(
				404,
				JSON.stringify({
					message: `The resource you are looking for does not exist.`,
					errorCode: 404,
				}),
				limitHeaders,
			);
		send(200, readFileSync(file, "utf8"), limitHeaders);
	}
}
