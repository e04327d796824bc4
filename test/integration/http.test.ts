// HTTP as clients and tools expect it, item by item from the conformance review, on one embedded
// node (CORS on for one foreign origin): HEAD, 405 with Allow, OPTIONS, compression, what Node
// refuses before any handler, validation messages, lengths in characters, decimal integers,
// case and spaces as the OpenAPI document says, the documents' own rate budget, and CORS that
// never refuses the server's own origin. Raw sockets and node:http, not fetch: fetch would
// decompress bodies and refuse to send some of what is sent here.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { eventually, getJson, type NodeProcess, startEmbedded } from "../support/cluster";

jest.setTimeout(120_000);

const FOREIGN_ORIGIN = "https://example.org";
/** Low enough that the last test spends it quickly; every request before it counts too. */
const RATE_LIMIT = 400;

let node: NodeProcess;
let port: number;

interface Raw {
	status: number;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

function send(method: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: "127.0.0.1", port, method, path, headers }, res => {
			const chunks: Buffer[] = [];
			res.on("data", chunk => chunks.push(chunk));
			res.on("end", () =>
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: Buffer.concat(chunks),
				}),
			);
		});
		req.on("error", reject);
		req.end();
	});
}

/** Bytes written on a socket as they are, and the whole answer read back. */
function sendRaw(bytes: Buffer | string): Promise<string> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, "127.0.0.1", () => socket.write(bytes));
		const chunks: Buffer[] = [];
		socket.on("data", chunk => chunks.push(chunk));
		socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
		socket.on("error", reject);
	});
}

/** A parsed body, loosely typed: each test reads the few fields it checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const json = (raw: Raw) => JSON.parse(raw.body.toString("utf8")) as Loose;

beforeAll(async () => {
	const embedded = await startEmbedded("http", {
		CORS_ORIGINS: FOREIGN_ORIGIN,
		RATE_LIMIT: String(RATE_LIMIT),
		DOCS_RATE_LIMIT: "1000",
	});
	node = embedded.node;
	port = embedded.port;
	await eventually(
		async () => {
			const reply = await getJson<{ total?: number }>(
				`http://127.0.0.1:${port}/api/v1/results?pageSize=1`,
			);
			return reply.body.total === 3861 ? true : undefined;
		},
		60_000,
		"every match",
	);
});

afterAll(() => node?.stop());

/** Every GET path of the API, with the example of each parameter, and the gateway's own pages. */
async function everyGetPath(): Promise<string[]> {
	const doc = json(await send("GET", "/api/openapi.json"));
	const paths: string[] = [];
	for (const [path, item] of Object.entries(doc.paths as Record<string, Loose>)) {
		// The live stream never ends: the live suite checks it (HEAD included).
		if (!item.get || item.get.responses["200"]?.content?.["text/event-stream"]) continue;
		const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
			const parameter = (item.get.parameters ?? []).find((p: Loose) => p.name === name);
			return encodeURIComponent(
				String(parameter?.example ?? parameter?.schema?.example ?? "x"),
			);
		});
		paths.push(filled);
	}
	return [...paths, "/health/live", "/health/ready", "/metrics", "/dashboard/", "/api/docs"];
}

describe("methods", () => {
	test("HEAD answers every GET route with GET's status and headers and no body", async () => {
		const paths = await everyGetPath();
		expect(paths.length).toBeGreaterThan(15);
		for (const path of paths) {
			const [get, head] = [await send("GET", path), await send("HEAD", path)];
			expect({ path, status: head.status, body: head.body.length }).toEqual({
				path,
				status: get.status,
				body: 0,
			});
			expect({ path, type: head.headers["content-type"] }).toEqual({
				path,
				type: get.headers["content-type"],
			});
			// Metrics and the cluster view change between two readings; the rest is the same bytes.
			if (get.status === 200 && !/^\/(metrics|api\/cluster)/.test(path))
				expect({ path, length: head.headers["content-length"] }).toEqual({
					path,
					length: String(get.body.length),
				});
		}
	});

	test.each([
		["DELETE", "/api/v1/players", "GET, HEAD, OPTIONS"],
		["POST", "/api/v2/matches/wc-2022-final-argentina-france", "GET, HEAD, OPTIONS"],
		["PUT", "/health/live", "GET, HEAD, OPTIONS"],
		["POST", "/api/openapi.json", "GET, HEAD, OPTIONS"],
	])("%s %s answers 405 with Allow: %s", async (method, path, allow) => {
		const reply = await send(method, path);
		expect(reply.status).toBe(405);
		expect(reply.headers.allow).toBe(allow);
		expect(json(reply).error).toMatchObject({ status: 405, type: "METHOD_NOT_ALLOWED" });
		expect(reply.headers["x-request-id"]).toBeTruthy();
		expect(reply.headers["x-content-type-options"]).toBe("nosniff");
	});

	test("a path no route has is still 404, whatever the method", async () => {
		for (const method of ["GET", "DELETE", "OPTIONS"]) {
			const reply = await send(method, "/api/v1/nothing-here");
			expect({ method, status: reply.status }).toEqual({ method, status: 404 });
		}
	});

	test.each(["/api/v1/standings", "/api/v1/standings?foo=1", "/dashboard/"])(
		"OPTIONS %s answers 204 with Allow and runs nothing",
		async path => {
			const reply = await send("OPTIONS", path);
			expect(reply.status).toBe(204);
			expect(reply.headers.allow).toBe("GET, HEAD, OPTIONS");
			expect(reply.body.length).toBe(0);
		},
	);

	test("a CORS preflight from the allowed origin is answered as before", async () => {
		const reply = await send("OPTIONS", "/api/v1/standings", {
			Origin: FOREIGN_ORIGIN,
			"Access-Control-Request-Method": "GET",
		});
		expect(reply.status).toBe(204);
		expect(reply.headers["access-control-allow-origin"]).toBe(FOREIGN_ORIGIN);
	});
});

describe("caching", () => {
	test("every API route answers 200 with a strong ETag and Cache-Control; If-None-Match with it is a 304", async () => {
		const paths = (await everyGetPath()).filter(path => /^\/api\/v\d/.test(path));
		expect(paths.length).toBeGreaterThan(10);
		for (const path of paths) {
			const full = await send("GET", path);
			if (full.status !== 200) continue; // an example that names nothing (a 404) has no ETag
			expect({ path, etag: /^"[A-Za-z0-9_-]{27}"$/.test(String(full.headers.etag)) }).toEqual(
				{
					path,
					etag: true,
				},
			);
			expect(full.headers["cache-control"]).toBe(
				"public, max-age=5, stale-while-revalidate=30",
			);
			const again = await send("GET", path, { "If-None-Match": String(full.headers.etag) });
			expect({ path, status: again.status, body: again.body.length }).toEqual({
				path,
				status: 304,
				body: 0,
			});
			// The ETag of the compressed answer revalidates the same way.
			const packed = await send("GET", path, { "Accept-Encoding": "br" });
			const packedAgain = await send("GET", path, {
				"Accept-Encoding": "br",
				"If-None-Match": String(packed.headers.etag),
			});
			expect({ path, status: packedAgain.status }).toEqual({ path, status: 304 });
		}
	});

	test("errors are not cached", async () => {
		const reply = await send("GET", "/api/v2/matches/no-such-match");
		expect(reply.status).toBe(404);
		expect(reply.headers.etag).toBeUndefined();
		expect(reply.headers["cache-control"]).toBe("no-store");
	});
});

describe("compression", () => {
	test.each([
		["br", brotliDecompressSync],
		["gzip", gunzipSync],
	] as const)(
		"Accept-Encoding: %s compresses what is worth it, to the same bytes",
		async (encoding, decompress) => {
			for (const path of [
				"/api/v1/results?pageSize=100",
				"/api/v1/standings?competition=PL&season=2024",
				"/api/openapi.json",
				"/dashboard/",
			]) {
				const plain = await send("GET", path);
				const packed = await send("GET", path, {
					"Accept-Encoding": `${encoding}, identity`,
				});
				expect({ path, encoding: packed.headers["content-encoding"] }).toEqual({
					path,
					encoding,
				});
				expect(packed.headers.vary).toContain("Accept-Encoding");
				expect(packed.body.length).toBeLessThan(plain.body.length);
				expect(decompress(packed.body).equals(plain.body)).toBe(true);
			}
		},
	);

	test("a small answer, and a client that accepts no encoding, get the bytes as they are", async () => {
		const small = await send("GET", "/health/live", { "Accept-Encoding": "br, gzip" });
		expect(small.headers["content-encoding"]).toBeUndefined();
		const refused = await send("GET", "/api/v1/results?pageSize=100", {
			"Accept-Encoding": "br;q=0, gzip;q=0",
		});
		expect(refused.headers["content-encoding"]).toBeUndefined();
	});
});

describe("what Node refuses before any handler", () => {
	const expectApiShape = (answer: string, status: number, type: string) => {
		const [head, body] = answer.split("\r\n\r\n");
		expect(head.split("\r\n")[0]).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
		expect(head).toMatch(/X-Request-ID: [0-9a-f-]{36}/);
		expect(head).toContain("X-Content-Type-Options: nosniff");
		expect(JSON.parse(body).error).toMatchObject({ status, type });
	};

	test("a 17 KB header is a 431 in the API's error shape", async () => {
		const answer = await sendRaw(
			`GET /api/v1/players HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(17_000)}\r\n\r\n`,
		);
		expectApiShape(answer, 431, "HEADERS_TOO_LARGE");
	});

	test("a 17 KB query string is a 414 in the API's error shape", async () => {
		const answer = await sendRaw(
			`GET /api/v1/players?q=${"a".repeat(17_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
		);
		expectApiShape(answer, 414, "URI_TOO_LONG");
	});

	test("a NUL in a header is a 400 in the API's error shape", async () => {
		const answer = await sendRaw(
			Buffer.from(
				"GET /api/v1/players HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n",
				"latin1",
			),
		);
		expectApiShape(answer, 400, "BAD_REQUEST");
	});
});

describe("parameters", () => {
	test("a value outside an enum is named, with the values allowed", async () => {
		const reply = json(await send("GET", "/api/v1/players?position=goalie"));
		expect(reply.error.message).toBe(
			"The 'position' parameter must be one of Goalkeeper, Defender, Midfielder, Forward; got 'goalie'.",
		);
	});

	test("lengths are counted in characters: 51 emoji are within 100", async () => {
		const within = await send(
			"GET",
			`/api/v1/players?q=${encodeURIComponent("😀".repeat(51))}`,
		);
		expect(within.status).toBe(200);
		const beyond = await send(
			"GET",
			`/api/v1/players?q=${encodeURIComponent("😀".repeat(101))}`,
		);
		expect(beyond.status).toBe(422);
		expect(json(beyond).error.message).toContain("at most 100 characters long; got 101");
	});

	test.each(["1e1", "0x2", "", " 2", "2.0e0"])(
		"page=%s is refused: integers are written in decimal digits",
		async value => {
			const reply = await send("GET", `/api/v1/players?page=${encodeURIComponent(value)}`);
			expect(reply.status).toBe(422);
			expect(json(reply).error.fields[0]).toMatchObject({ field: "page" });
		},
	);

	test("case and spaces are read as the OpenAPI document says", async () => {
		const doc = json(await send("GET", "/api/openapi.json"));
		const parameter = (path: string, name: string) =>
			doc.paths[path].get.parameters.find((p: Loose) => p.name === name);
		const area = parameter("/api/v1/competitions", "area");
		expect(new RegExp(area.schema.pattern).test("eng")).toBe(true);
		expect(area.description).toContain("Case is ignored");
		const lower = json(await send("GET", "/api/v1/competitions?area=eng"));
		const upper = json(await send("GET", "/api/v1/competitions?area=ENG"));
		expect(lower.total).toBeGreaterThan(0);
		expect(lower).toEqual(upper);

		const q = parameter("/api/v1/players", "q");
		expect(new RegExp(q.schema.pattern).test("   ")).toBe(false);
		expect(q.description).toContain("Spaces at either end are ignored");
		const blank = await send("GET", "/api/v1/players?q=%20%20%20");
		expect(blank.status).toBe(422);
		expect(json(blank).error.message).toContain("is blank");
		const padded = json(await send("GET", "/api/v1/players?q=%20yildiz%20"));
		expect(padded.rows.map((p: { name: string }) => p.name)).toContain("Kenan Yıldız");
	});
});

describe("origins and budgets", () => {
	test("a request carrying the server's own origin is never refused by CORS", async () => {
		const own = `http://127.0.0.1:${port}`;
		for (const path of ["/dashboard/", "/api/v1/competitions"]) {
			const reply = await send("GET", path, { Origin: own, Host: `127.0.0.1:${port}` });
			expect({ path, status: reply.status }).toEqual({ path, status: 200 });
		}
		const foreign = await send("GET", "/api/v1/competitions", {
			Origin: "https://elsewhere.example",
		});
		expect(foreign.status).toBe(403);
	});

	test("the OpenAPI document, the docs page and the dashboard have a budget of their own", async () => {
		let status = 200;
		for (let i = 0; i <= RATE_LIMIT && status !== 429; i++)
			status = (await send("GET", "/api/v1/competitions?pageSize=1")).status;
		expect(status).toBe(429);
		for (const path of ["/api/openapi.json", "/api/docs", "/dashboard/"])
			expect({ path, status: (await send("GET", path)).status }).toEqual({
				path,
				status: 200,
			});
	});
});
