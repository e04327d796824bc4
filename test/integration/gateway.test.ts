// The public API as a hostile or careless client meets it, for real: every service in its own
// process on real NATS and FerretDB, two gateways (one with a tight rate limit and no admin
// token), and requests over HTTP only. Injection and malformed input, a fuzz run, rate limits,
// the admin route, internal actions, the OpenAPI document, readiness, metrics and the cache.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ListResult } from "../../contracts";
import type { Player } from "../../domain/model";
import { seededRandom } from "../../platform/middlewares/fault-injection";
import type { ClusterView } from "../../services/api/cluster-view";
import { REPO_ROOT } from "../../tools/servers";
import { validateOpenApi } from "../support/openapi-validator";
import { documentedComponents, nodeNameOf, publicPaths, READ_SERVICES } from "../support/services";
import {
	eventually,
	getJson,
	type NodeProcess,
	resetDatabases,
	startGateway,
	setShirtNumber,
	startNode,
	type TestEnv,
	testEnv,
} from "../support/cluster";

jest.setTimeout(300_000);

const ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
const ROUTES = READ_SERVICES.flatMap(publicPaths);

let env: TestEnv;
let dataDir: string;
let api: string;
let limited: string;
const nodes = new Map<string, NodeProcess>();

interface ErrorBody {
	error: {
		status: number;
		type: string;
		message: string;
		fields?: Array<{ field: string; message: string }>;
	};
}

async function request(
	url: string,
	init: RequestInit = {},
): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
	const res = await fetch(url, init);
	const text = await res.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}

function startReader(service: string): Promise<NodeProcess> {
	const name = nodeNameOf(service);
	// A long cache life: only the projection's own invalidation can make a cached list fresh.
	const node = startNode(env, name, service, { CACHE_TTL: "3600" });
	nodes.set(name, node);
	return node.started();
}

beforeAll(async () => {
	env = testEnv("gateway");
	await resetDatabases(env.mongoUri);
	// A smaller data set than the bundled one (the World Cups and one league season): this suite
	// is about the gateway, and FerretDB v1 scans every document of a collection per query.
	dataDir = mkdtempSync(join(tmpdir(), "matchday-gateway-data-"));
	for (const part of ["worldcup", join("football", "2024-25", "en.1.json")]) {
		cpSync(join(REPO_ROOT, "data", "openfootball", part), join(dataDir, part), {
			recursive: true,
		});
	}

	const sync = startNode(env, "sync", "v1.sync", { DATA_DIR: dataDir, SYNC_INTERVAL: "0" });
	nodes.set("sync", sync);
	await Promise.all([sync.started(), ...READ_SERVICES.map(startReader)]);
	// The main gateway: the admin route on, and a limit no test reaches (the fuzz run sends thousands).
	api = await startGatewayWith("api", { ADMIN_TOKEN, RATE_LIMIT: "1000000", LOG_FORMAT: "json" });
	// A gateway with a tight limit and no admin token.
	limited = await startGatewayWith("api-limited", {
		RATE_LIMIT: "6",
		RATE_LIMIT_WINDOW: "60000",
	});

	await eventually(
		async () => {
			const reply = await getJson<ListResult<Player>>(
				`${api}/api/v1/players?team=argentina&competition=WC`,
			);
			return reply.status === 200 && reply.body.total === 26 ? true : undefined;
		},
		180_000,
		"the players projection",
	);
	await eventually(
		async () => ((await request(`${api}/health/ready`)).status === 200 ? true : undefined),
		60_000,
		"readiness",
	);
});

/** A documented path made requestable: each path parameter and required query parameter given its documented example. */
function withExamples(path: string, parameters: unknown[] = []): string {
	const given = parameters as Array<{
		name: string;
		in: string;
		required?: boolean;
		example?: string;
	}>;
	const example = (name: string) => {
		const value = given.find(p => p.name === name)?.example;
		if (value === undefined) throw new Error(`${path}: no example for its parameter ${name}`);
		return encodeURIComponent(value);
	};
	const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => example(name));
	const query = given
		.filter(p => p.in === "query" && p.required)
		.map(p => `${p.name}=${example(p.name)}`);
	return query.length > 0 ? `${filled}?${query.join("&")}` : filled;
}

async function startGatewayWith(name: string, extra: Record<string, string>): Promise<string> {
	const { node, baseUrl } = await startGateway(env, name, extra);
	nodes.set(name, node);
	return baseUrl;
}

afterAll(async () => {
	await Promise.all([...nodes.values()].map(node => node.stop()));
	rmSync(dataDir, { recursive: true, force: true });
});

describe("bad input: one table, every route", () => {
	// [query string, what must be named in the 422] — each is tried on every route that has the field.
	const INJECTIONS: Array<[string, string]> = [
		["team[$ne]=x", "team"],
		["q[$regex]=.*", "q"],
		["competition[$gt]=", "competition"],
		["season[$where]=1", "season"],
		["pageSize=1000", "pageSize"],
		["pageSize=0", "pageSize"],
		["page=100000", "page"],
		["page=-1", "page"],
		["page=1.5", "page"],
		["season=abc", "season"],
		["dateFrom=2024-13-45", "dateFrom"],
		["dateFrom=yesterday", "dateFrom"],
		["status=WON", "status"],
		["position=Striker", "position"],
		["sort=password", "sort"],
		["competition=PL&competition=CL", "competition"],
		[`q=${"x".repeat(5000)}`, "q"],
		["team=../../etc/passwd", "team"],
		["unknownParam=1", "unknownParam"],
		["cursor=$where", "cursor"],
		["competitions=PL;DROP", "competitions"],
	];

	test("every injection and malformed case answers 422 naming the field, never 5xx", async () => {
		const failures: string[] = [];
		let tried = 0;
		for (const route of ROUTES) {
			const doc = (await request(`${api}/api/openapi.json`)).json as {
				paths: Record<string, { get: { parameters: Array<{ name: string }> } }>;
			};
			const known = new Set(doc.paths[route.path].get.parameters.map(p => p.name));
			for (const [query, field] of INJECTIONS) {
				// A field this route does not have is an unknown parameter: refused all the same.
				const res = await request(`${api}${route.url}?${query}`);
				tried++;
				const body = res.json as ErrorBody | undefined;
				const named = body?.error?.fields?.some(
					f =>
						f.field === field ||
						f.field.startsWith(`${field}.`) ||
						f.field.startsWith(`${field}[`),
				);
				if (res.status !== 422 || !named)
					failures.push(
						`${route.url}?${query.slice(0, 60)} → ${res.status} ${res.text.slice(0, 200)} (field known: ${known.has(field)})`,
					);
			}
		}
		expect(failures).toEqual([]);
		expect(tried).toBe(ROUTES.length * INJECTIONS.length);
	});

	test("prototype pollution attempts are dropped by the query parser: the answer is the plain list", async () => {
		const plain = await request(`${api}/api/v1/competitions`);
		for (const query of [
			"constructor[prototype][polluted]=1",
			"__proto__[polluted]=1",
			"__proto__.polluted=1",
		]) {
			const res = await request(`${api}/api/v1/competitions?${query}`);
			expect({ query, status: res.status }).toEqual({
				query,
				status: [200, 422].includes(res.status) ? res.status : 200,
			});
			if (res.status === 200) expect(res.json).toEqual(plain.json);
		}
	});

	test("no operator reaches the database: text is matched literally, and operators never widen a query", async () => {
		// If `.*` reached MongoDB as a regex, it would match every player.
		const literal = (await request(`${api}/api/v1/players?q=.*`)).json as ListResult<Player>;
		expect(literal.total).toBe(0);
		const dollar = (await request(`${api}/api/v1/players?q=$ne`)).json as ListResult<Player>;
		expect(dollar.total).toBe(0);
		// The squad asked for, and only it, whatever else the query string tries.
		const squad = await request(
			`${api}/api/v1/players?team=argentina&competition=WC&team[$ne]=x`,
		);
		expect(squad.status).toBe(422);
	});

	test("malformed requests: unknown routes 404, other methods 405, internal actions are unreachable, bodies are not read", async () => {
		for (const [method, init] of [
			[
				"POST",
				{
					body: JSON.stringify({ $where: "sleep(1000)" }),
					headers: { "Content-Type": "application/json" },
				},
			],
			["DELETE", {}],
		] as const) {
			const res = await request(`${api}/api/v1/players`, { method, ...init });
			expect({ method, status: res.status }).toEqual({ method, status: 405 });
			expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
			expect(res.json).toMatchObject({ error: { status: 405, type: "METHOD_NOT_ALLOWED" } });
		}
		// The admin route takes POST only: GET is a method it does not have, not a route that is not there.
		const adminByGet = await request(`${api}/api/admin/sync`);
		expect([adminByGet.status, adminByGet.headers.get("allow")]).toEqual([
			405,
			"POST, OPTIONS",
		]);
		const cases: Array<[string, string, RequestInit?]> = [
			["GET", "/api/v1/nothing"],
			["GET", "/api/v3/results"],
			["GET", "/api/v1/sync/changes"],
			["GET", "/api/v1.sync.changes"],
			["GET", "/api/v1/sync.changes?since=0"],
			["GET", "/api/$node/list"],
			["GET", "/api/~node/list"],
			["GET", "/api/node/services"],
			["GET", "/api/api/listAliases"],
			["GET", "/api/rest"],
			["GET", "/v1/players"],
		];
		for (const [method, path, init] of cases) {
			const res = await request(`${api}${path}`, { method, ...init });
			expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
			expect(res.json).toEqual({
				error: { status: 404, type: "NOT_FOUND", message: expect.any(String) },
			});
			expect(res.text).not.toMatch(/v1\.sync|\$node|stack|at .*\.js/);
		}
	});

	test("every response carries the security headers and a request id; a forged request id is replaced", async () => {
		const ok = await request(`${api}/api/v1/competitions`, {
			headers: { "X-Request-Id": "client-chosen-id-42" },
		});
		expect(ok.status).toBe(200);
		expect(ok.headers.get("x-request-id")).toBe("client-chosen-id-42");
		const forged = await request(`${api}/api/v1/nothing`, {
			headers: { "X-Request-Id": "<script>" },
		});
		expect(forged.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
		for (const res of [ok, forged]) {
			expect(res.headers.get("x-content-type-options")).toBe("nosniff");
			expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
			expect(res.headers.get("x-frame-options")).toBe("DENY");
		}
	});

	test("the gateway logs each request as one JSON object with its request id, and no query text", async () => {
		await request(`${api}/api/v1/players?q=secret-search`, {
			headers: { "X-Request-Id": "trace-me-0042" },
		});
		const line = await eventually(
			async () =>
				nodes
					.get("api")!
					.logs()
					.split("\n")
					.find(l => l.includes('"requestId":"trace-me-0042"')),
			10_000,
			"the access log line",
		);
		const entry = JSON.parse(line) as Record<string, unknown>;
		expect(entry).toMatchObject({
			requestId: "trace-me-0042",
			method: "GET",
			path: "/api/v1/players",
			status: 200,
		});
		expect(line).not.toContain("secret-search");
	});

	test("the deprecated v1 results route says so and names its successor", async () => {
		const res = await request(`${api}/api/v1/results?pageSize=1`);
		expect(res.status).toBe(200);
		expect(res.headers.get("deprecation")).toBe("true");
		expect(res.headers.get("link")).toBe('</api/v2/results>; rel="successor-version"');
		expect(
			(await request(`${api}/api/v2/results?limit=1`)).headers.get("deprecation"),
		).toBeNull();
	});
});

describe("a fuzz run", () => {
	test("a few thousand random requests: no 5xx, every answer in one of the two shapes; the gateway still answers right after", async () => {
		// Seeded, so that a failing run can be replayed.
		const random = seededRandom(20261128);
		const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
		const names = [
			"team",
			"competition",
			"competitions",
			"season",
			"q",
			"page",
			"pageSize",
			"limit",
			"cursor",
			"sort",
			"position",
			"status",
			"dateFrom",
			"dateTo",
			"matchday",
			"stage",
			"group",
			"type",
			"area",
			"nationality",
			"x",
			"__proto__",
			"$where",
			"team[$ne]",
			"q[$regex]",
			"page[]",
		];
		const values = [
			"",
			"1",
			"-1",
			"0",
			"1e309",
			"99999999999999999999",
			"NaN",
			"argentina",
			"PL",
			"PL,CL",
			"2022",
			"2024-05-01",
			"FINAL",
			"Midfielder",
			"%00",
			"%",
			"%E0%A4%A",
			"'; DROP TABLE x;--",
			'{"$gt":""}',
			"ü",
			"😀",
			"\u202e",
			"a".repeat(300),
			"null",
			"true",
			"[]",
			"$ne",
			".*",
			"\\",
		];
		const paths = [
			...ROUTES.map(route => route.url),
			...ROUTES.map(route => route.url),
			...ROUTES.map(route => route.url),
			"/api/v1",
			"/api/",
			"/api/v1/players/argentina",
			"/health/ready",
			"/api/openapi.json",
			"/%2e%2e/%2e%2e/etc/passwd",
			"/api/v1/players%00",
		];
		const methods = ["GET", "GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"];
		const TOTAL = 3000;
		const deadline = Date.now() + 150_000;
		const bad: string[] = [];
		let sent = 0;

		const one = async () => {
			const parts = Array.from(
				{ length: Math.floor(random() * 5) },
				() => `${pick(names)}=${pick(values)}`,
			);
			const url = `${pick(paths)}${parts.length ? `?${parts.join("&")}` : ""}`;
			const method = pick(methods);
			let res;
			try {
				res = await request(`${api}${url}`, { method });
			} catch (err) {
				bad.push(`${method} ${url}: ${String(err)}`);
				return;
			}
			const body = res.json as
				| { error?: unknown; rows?: unknown; matches?: unknown; status?: unknown }
				| undefined;
			const shaped =
				method === "HEAD" ||
				(body !== undefined &&
					(body.error !== undefined ||
						body.rows !== undefined ||
						body.matches !== undefined ||
						body.status !== undefined ||
						url.startsWith("/api/openapi.json")));
			if (res.status >= 500 || !shaped)
				bad.push(`${method} ${url} → ${res.status} ${res.text.slice(0, 160)}`);
		};
		const workers = Array.from({ length: 4 }, async () => {
			while (sent < TOTAL && Date.now() < deadline) {
				sent++;
				await one();
			}
		});
		await Promise.all(workers);

		expect(bad).toEqual([]);
		expect(sent).toBeGreaterThanOrEqual(1500);
		const squad = (await request(`${api}/api/v1/players?team=argentina&competition=WC`))
			.json as ListResult<Player>;
		expect(squad.total).toBe(26);
	});
});

describe("abuse limits", () => {
	test("a gateway without ADMIN_TOKEN has no admin route", async () => {
		// (This request is the limited gateway's first: one of its six.)
		const res = await request(`${limited}/api/admin/sync`, {
			method: "POST",
			headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
		});
		expect(res.status).toBe(404);
	});

	test("past its limit a client gets 429 with RateLimit and Retry-After headers; a forged X-Forwarded-For does not reset it", async () => {
		const seen: Array<{ status: number; remaining: string | null }> = [];
		for (let i = 0; i < 5; i++) {
			const res = await request(`${limited}/api/v1/competitions`);
			seen.push({ status: res.status, remaining: res.headers.get("ratelimit-remaining") });
		}
		expect(seen).toEqual(
			[4, 3, 2, 1, 0].map(remaining => ({ status: 200, remaining: String(remaining) })),
		);

		const refused = await request(`${limited}/api/v1/competitions`);
		expect(refused.status).toBe(429);
		expect(refused.json).toEqual({
			error: { status: 429, type: "RATE_LIMITED", message: expect.any(String) },
		});
		expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
		expect(refused.headers.get("ratelimit-limit")).toBe("6");
		expect(refused.headers.get("ratelimit-policy")).toBe("6;w=60");

		const forged = await request(`${limited}/api/v1/competitions`, {
			headers: { "X-Forwarded-For": "198.51.100.23" },
		});
		expect(forged.status).toBe(429);
		// Probes are not limited.
		expect((await request(`${limited}/health/live`)).status).toBe(200);
	});

	test("a request body over the limit is refused with 413, a malformed one with 400", async () => {
		const auth = { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" };
		const big = await request(`${api}/api/admin/sync`, {
			method: "POST",
			headers: auth,
			body: JSON.stringify({ pad: "x".repeat(100_000) }),
		});
		expect(big.status).toBe(413);
		expect((big.json as ErrorBody).error.type).toBe("PAYLOAD_TOO_LARGE");
		const malformed = await request(`${api}/api/admin/sync`, {
			method: "POST",
			headers: auth,
			body: "{not json",
		});
		expect(malformed.status).toBe(400);
		expect((malformed.json as ErrorBody).error).toEqual({
			status: 400,
			type: "BAD_REQUEST",
			message: "The request is malformed.",
		});
	});
});

describe("the admin route", () => {
	test("refuses a missing or wrong token with 401", async () => {
		const missing = await request(`${api}/api/admin/sync`, { method: "POST" });
		expect(missing.status).toBe(401);
		expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
		const wrong = await request(`${api}/api/admin/sync`, {
			method: "POST",
			headers: { Authorization: `Bearer ${ADMIN_TOKEN}x` },
		});
		expect(wrong.status).toBe(401);
		const basic = await request(`${api}/api/admin/sync`, {
			method: "POST",
			headers: {
				Authorization: `Basic ${Buffer.from(`a:${ADMIN_TOKEN}`).toString("base64")}`,
			},
		});
		expect(basic.status).toBe(401);
	});

	test("with the right token, it requests a sync (202), and a cached list then shows the changed master data", async () => {
		const messi = async () =>
			((await request(`${api}/api/v1/players?q=lionel%20messi`)).json as ListResult<Player>)
				.rows[0]?.shirtNumber;
		expect(await messi()).toBe(10);
		expect(await messi()).toBe(10); // now served from the cache (its life is an hour)

		setShirtNumber(dataDir, "Argentina", "Lionel Messi", 30);

		const accepted = await request(`${api}/api/admin/sync`, {
			method: "POST",
			headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
		});
		expect(accepted.status).toBe(202);
		expect(accepted.json).toEqual({ status: "accepted", requestId: expect.any(String) });
		await eventually(
			async () => ((await messi()) === 30 ? true : undefined),
			60_000,
			"the cached list to show the new shirt number",
		);
		expect(nodes.get("sync")!.logs()).toMatch(/Sync \(admin route\): 1 changes/);
	});
});

describe("documentation", () => {
	test("every schema a service documents reaches the gateway's document whole, from another node", async () => {
		// Moleculer's INFO packet drops an object it has already seen in it, shared or not
		// (platform/middlewares/detached-definitions.ts): CompetitionRef came without `name`.
		const doc = (await request(`${api}/api/openapi.json`)).json as {
			components: { schemas: Record<string, unknown> };
		};
		for (const service of READ_SERVICES)
			for (const [name, schema] of Object.entries(documentedComponents(service)))
				expect({ service, name, schema: doc.components.schemas[name] }).toEqual({
					service,
					name,
					schema: JSON.parse(JSON.stringify(schema)),
				});
		expect(nodes.get("api")!.logs()).not.toContain("unlike another service's");
	});

	test("the OpenAPI document is valid OpenAPI 3.1, lists every public route, and every route in it answers", async () => {
		const res = await request(`${api}/api/openapi.json`);
		expect(res.status).toBe(200);
		const doc = res.json as {
			openapi: string;
			paths: Record<
				string,
				Record<
					string,
					{
						deprecated?: boolean;
						parameters?: unknown[];
						responses: Record<string, { content?: Record<string, unknown> }>;
					}
				>
			>;
		};
		const validation = validateOpenApi(doc);
		expect(validation.errors ?? []).toEqual([]);
		expect(validation.valid).toBe(true);
		expect(doc.openapi).toMatch(/^3\.1\./);
		for (const route of ROUTES) expect(Object.keys(doc.paths)).toContain(route.path);
		expect(doc.paths["/api/v1/results"].get.deprecated).toBe(true);

		for (const [path, operations] of Object.entries(doc.paths)) {
			if (!operations.get) continue;
			// The admin routes answer with the admin token, as their operation's security says.
			const admin = path.startsWith("/api/admin/");
			if (operations.get.responses["200"]?.content?.["text/event-stream"]) {
				// A stream never ends: its answer is read up to its headers.
				const abort = new AbortController();
				const res = await fetch(`${api}${path}`, { signal: abort.signal });
				expect({ path, status: res.status, type: res.headers.get("content-type") }).toEqual(
					{
						path,
						status: 200,
						type: "text/event-stream; charset=utf-8",
					},
				);
				abort.abort();
				continue;
			}
			const answer = await request(
				`${api}${withExamples(path, operations.get.parameters)}`,
				admin ? { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } } : {},
			);
			expect({ path, status: answer.status }).toEqual({ path, status: 200 });
		}
	});

	test("the docs page is served from the same origin, with nothing loaded from elsewhere", async () => {
		const res = await request(`${api}/api/docs`);
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toMatch(/^text\/html/);
		expect(res.text).toContain("/api/openapi.json");
		expect(res.text).not.toMatch(/(src|href)=["']https?:/);
	});
});

describe("operations", () => {
	test("/metrics exposes per-action request counts in Prometheus format", async () => {
		const res = await request(`${api}/metrics`);
		expect(res.status).toBe(200);
		expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
		const line = res.text
			.split("\n")
			.find(
				l =>
					l.startsWith("moleculer_request_total{") &&
					l.includes('action="v1.players.list"'),
			);
		expect(line).toBeDefined();
		expect(Number(line!.split(" ").pop())).toBeGreaterThan(0);
		expect(res.text).toMatch(
			/^moleculer_request_time_bucket\{.*action="v1\.players\.list".*le="\+Inf"\} \d+$/m,
		);
	});

	test("/api/cluster shows each node with its service versions and the requests it handled, and each projection's lag; no addresses", async () => {
		const res = await request(`${api}/api/cluster`);
		expect(res.status).toBe(200);
		const view = res.json as ClusterView;
		const node = (id: string) => view.nodes.find(candidate => candidate.id === id);
		expect(node("api")).toMatchObject({
			available: true,
			local: true,
			services: [{ name: "api", version: "-" }],
		});
		expect(node("players-v1")).toMatchObject({
			available: true,
			local: false,
			services: [{ name: "v1.players", version: "v1" }],
		});
		// Read from the players node's own metrics, over NATS: it has served this suite's requests.
		const served = node("players-v1")!.actions!.find(
			action => action.action === "v1.players.list",
		);
		expect(served?.total).toBeGreaterThan(0);
		expect(view.services).toEqual(
			expect.arrayContaining([
				{ service: "v2.results", version: "v2", nodes: ["results-v2"] },
			]),
		);
		expect(view.sync).toMatchObject({ node: "sync", head: expect.any(Number) });
		expect(view.sync!.consumers.map(consumer => consumer.consumer)).toEqual(
			expect.arrayContaining(["v1.players", "v2.results"]),
		);
		expect(JSON.stringify(view)).not.toMatch(/127\.0\.0\.1|nats:|mongodb:|hostname|ipList/);
	});

	test("readiness turns false when a required service's nodes stop, and true again when they return", async () => {
		expect((await request(`${api}/health/ready`)).status).toBe(200);
		await nodes.get("teams-v1")!.stop();
		nodes.delete("teams-v1");
		const down = await eventually(
			async () => {
				const res = await request(`${api}/health/ready`);
				return res.status === 503 ? res : undefined;
			},
			30_000,
			"readiness to turn false",
		);
		expect(down.json).toMatchObject({
			status: "not ready",
			services: { "v1.teams": false, "v1.players": true },
		});
		expect((await request(`${api}/health/live`)).status).toBe(200);
		// And the route itself says the service is away.
		const away = await request(`${api}/api/v1/teams`);
		expect({ status: away.status, body: away.json }).toEqual({
			status: 503,
			body: { error: expect.objectContaining({ type: "SERVICE_UNAVAILABLE" }) },
		});
		expect(away.headers.get("retry-after")).toBe("5");

		await startReader("v1.teams");
		await eventually(
			async () => ((await request(`${api}/health/ready`)).status === 200 ? true : undefined),
			30_000,
			"readiness to return",
		);
	});
});
