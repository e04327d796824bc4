// API keys and rate limits across gateways, as a client meets them: two gateways share one Redis
// (Debian's redis-server, started here), so a key made on one works on the other, its limit
// holds in total across both with the RateLimit-* headers right on each, the anonymous limit is
// shared the same way, and a key revoked on one is refused by the other. Real NATS and FerretDB,
// every node its own process.
import { rmSync } from "node:fs";
import Redis from "ioredis";
import { type RedisServer, startRedis } from "../../tools/servers";
import { keysCommand } from "../../platform/repl-keys";
import { keyHash, RedisGatewayStore } from "../../storage/gateway-store";
import {
	eventually,
	type NodeProcess,
	resetDatabases,
	startGateway,
	startNode,
	testEnv,
	worldCupDataDir,
} from "../support/cluster";

jest.setTimeout(180_000);

const ADMIN_TOKEN = "api-keys-admin-token-0123456789";
const ANONYMOUS_LIMIT = 4;
const DEFAULT_KEY_LIMIT = 10;

let redis: RedisServer;
let dataDir: string;
const nodes: NodeProcess[] = [];
let gateways: string[] = [];

interface Answer {
	status: number;
	limit: string | null;
	remaining: string | null;
	reset: number;
	retryAfter: string | null;
	body: { error?: { type: string; message: string } } & Record<string, unknown>;
}

/** One request as a client makes it; `from` is the client's address, as the trusted proxy (loopback) says. */
async function ask(
	base: string,
	path: string,
	from: string,
	init: { key?: string; method?: string; body?: unknown; admin?: boolean } = {},
): Promise<Answer> {
	const headers: Record<string, string> = { "X-Forwarded-For": from };
	if (init.key) headers["X-Auth-Token"] = init.key;
	if (init.admin) headers.Authorization = `Bearer ${ADMIN_TOKEN}`;
	if (init.body !== undefined) headers["Content-Type"] = "application/json";
	const res = await fetch(`${base}${path}`, {
		method: init.method ?? "GET",
		headers,
		body: init.body === undefined ? undefined : JSON.stringify(init.body),
	});
	const text = await res.text();
	return {
		status: res.status,
		limit: res.headers.get("RateLimit-Limit"),
		remaining: res.headers.get("RateLimit-Remaining"),
		reset: Number(res.headers.get("RateLimit-Reset")),
		retryAfter: res.headers.get("Retry-After"),
		body: text ? JSON.parse(text) : {},
	};
}

/** Makes a key on the first gateway (as client address `from`, so as not to spend another's budget). */
async function makeKey(
	body: unknown,
	from: string,
): Promise<{ key: string; id: string; limit: number }> {
	const made = await ask(gateways[0], "/api/admin/keys", from, {
		method: "POST",
		body,
		admin: true,
	});
	expect(made.status).toBe(201);
	return made.body as unknown as { key: string; id: string; limit: number };
}

beforeAll(async () => {
	const env = testEnv("api-keys");
	await resetDatabases(env.mongoUri);
	dataDir = worldCupDataDir("keys");
	redis = await startRedis(dataDir);
	const sync = startNode(env, "sync", "v1.sync", { DATA_DIR: dataDir, SYNC_INTERVAL: "0" });
	const teams = startNode(env, "teams-v1", "v1.teams");
	nodes.push(sync, teams);
	await Promise.all([sync.started(), teams.started()]);
	const settings = {
		ADMIN_TOKEN,
		GATEWAY_STORE: redis.url,
		RATE_LIMIT: String(ANONYMOUS_LIMIT),
		API_KEY_LIMIT: String(DEFAULT_KEY_LIMIT),
		TRUST_PROXY: "127.0.0.1",
	};
	const started = await Promise.all([
		startGateway(env, "api-a", settings),
		startGateway(env, "api-b", settings),
	]);
	nodes.push(...started.map(gateway => gateway.node));
	gateways = started.map(gateway => gateway.baseUrl);
	// Teams served on both, as one client with a key would see them (keys of their own, not the budgets under test).
	const warmUp = await makeKey({ name: "warm-up", limit: 0 }, "198.51.100.200");
	for (const base of gateways)
		await eventually(
			async () =>
				(await ask(base, "/api/v1/teams", "198.51.100.200", { key: warmUp.key })).status ===
				200
					? true
					: undefined,
			90_000,
			`teams on ${base}`,
		);
}, 180_000);

afterAll(async () => {
	await Promise.all(nodes.map(node => node.stop()));
	await redis?.stop();
	rmSync(dataDir, { recursive: true, force: true });
});

test("a key made on one gateway is listed and works on the other; Redis holds only its hash", async () => {
	const made = await makeKey({ name: "partner" }, "198.51.100.1");
	expect(made).toMatchObject({ name: "partner", limit: DEFAULT_KEY_LIMIT });
	expect(made.key).toMatch(/^md_/);
	const listed = await ask(gateways[1], "/api/admin/keys", "198.51.100.1", { admin: true });
	expect(listed.status).toBe(200);
	const keys = listed.body.keys as Array<Record<string, unknown>>;
	expect(keys.find(key => key.id === made.id)).toEqual({
		id: made.id,
		name: "partner",
		limit: DEFAULT_KEY_LIMIT,
		createdAt: expect.any(String),
	});
	expect(JSON.stringify(listed.body)).not.toContain(made.key);
	expect(
		(await ask(gateways[1], "/api/v1/teams", "198.51.100.1", { key: made.key })).status,
	).toBe(200);

	const client = new Redis(redis.url);
	try {
		const everything: string[] = [];
		for (const name of await client.keys("*")) {
			everything.push(name);
			if ((await client.type(name)) === "hash")
				everything.push(JSON.stringify(await client.hgetall(name)));
		}
		expect(everything.join("\n")).not.toContain(made.key);
		expect(await client.hget("matchday:gateway:keys", keyHash(made.key))).toContain(
			'"partner"',
		);
	} finally {
		client.disconnect();
	}
});

test("two gateways share one key's limit: it holds in total, with the RateLimit headers right on both", async () => {
	const { key } = await makeKey({ name: "shared", limit: 6 }, "198.51.100.2");
	const answers: Answer[] = [];
	// Alternating gateways, as a balancer would send them.
	for (let i = 0; i < 9; i++)
		answers.push(await ask(gateways[i % 2], "/api/v1/teams", "198.51.100.2", { key }));
	expect(answers.map(a => a.status)).toEqual([200, 200, 200, 200, 200, 200, 429, 429, 429]);
	expect(answers.map(a => a.remaining)).toEqual(["5", "4", "3", "2", "1", "0", "0", "0", "0"]);
	expect(new Set(answers.map(a => a.limit))).toEqual(new Set(["6"]));
	for (const a of answers) expect(a.reset).toBeGreaterThanOrEqual(1);
	for (const a of answers) expect(a.reset).toBeLessThanOrEqual(60);
	for (const refused of answers.slice(6)) {
		expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
		expect(refused.body.error).toMatchObject({ type: "RATE_LIMITED" });
	}
	// Another client (no key) is not held to that key's window.
	expect((await ask(gateways[0], "/api/v1/teams", "198.51.100.3")).status).toBe(200);
});

test("clients without a key share the lower anonymous limit across both gateways, per address", async () => {
	const answers: Answer[] = [];
	for (let i = 0; i < 6; i++)
		answers.push(await ask(gateways[i % 2], "/api/v1/teams", "198.51.100.4"));
	expect(answers.map(a => a.status)).toEqual([200, 200, 200, 200, 429, 429]);
	expect(answers.map(a => a.remaining)).toEqual(["3", "2", "1", "0", "0", "0"]);
	expect(new Set(answers.map(a => a.limit))).toEqual(new Set([String(ANONYMOUS_LIMIT)]));
	expect(answers[5].body.error?.message).toContain("X-Auth-Token");
	expect((await ask(gateways[1], "/api/v1/teams", "198.51.100.5")).status).toBe(200);
});

test("an unknown key is refused with 401 on both; a key revoked on one gateway is refused by the other", async () => {
	for (const base of gateways) {
		const unknown = await ask(base, "/api/v1/teams", "198.51.100.6", { key: "md_no-such-key" });
		expect(unknown.status).toBe(401);
		expect(unknown.body.error).toMatchObject({ type: "INVALID_API_KEY" });
	}
	const { key, id } = await makeKey({ name: "short-lived" }, "198.51.100.6");
	expect((await ask(gateways[0], "/api/v1/teams", "198.51.100.6", { key })).status).toBe(200);
	const revoked = await ask(gateways[1], `/api/admin/keys/${id}`, "198.51.100.6", {
		method: "DELETE",
		admin: true,
	});
	expect(revoked.status).toBe(204);
	expect((await ask(gateways[0], "/api/v1/teams", "198.51.100.6", { key })).status).toBe(401);
	const again = await ask(gateways[0], `/api/admin/keys/${id}`, "198.51.100.6", {
		method: "DELETE",
		admin: true,
	});
	expect(again.status).toBe(404);
});

test("a bad key request is refused with 422 naming the field, and makes no key", async () => {
	const before = await ask(gateways[0], "/api/admin/keys", "198.51.100.7", { admin: true });
	const bad = await ask(gateways[0], "/api/admin/keys", "198.51.100.7", {
		method: "POST",
		body: { name: "", limit: -3 },
		admin: true,
	});
	expect(bad.status).toBe(422);
	expect(bad.body.error).toMatchObject({ type: "VALIDATION_ERROR" });
	expect(JSON.stringify(bad.body)).toContain("'limit'");
	const after = await ask(gateways[0], "/api/admin/keys", "198.51.100.7", { admin: true });
	expect((after.body.keys as unknown[]).length).toBe((before.body.keys as unknown[]).length);
	const unauthorised = await ask(gateways[1], "/api/admin/keys", "198.51.100.7", {
		method: "POST",
		body: { name: "x" },
	});
	expect(unauthorised.status).toBe(401);
});

test("the REPL's keys command makes, lists and revokes keys in the Redis the gateways share", async () => {
	const store = new RedisGatewayStore(redis.url);
	await store.connect();
	try {
		const made = String(await keysCommand(store, { create: "from-repl", limit: "3" }, 10));
		const key = made.match(/md_[A-Za-z0-9_-]+/)?.[0] ?? "";
		const id = made.match(/^Made (\w+)/)?.[1] ?? "";
		const first = await ask(gateways[1], "/api/v1/teams", "198.51.100.8", { key });
		expect([first.status, first.limit, first.remaining]).toEqual([200, "3", "2"]);
		const table = (await keysCommand(store, {}, 10)) as string[][];
		expect(table[0]).toEqual(["Id", "Name", "Limit", "Created"]);
		expect(table.find(row => row[0] === id)).toEqual([
			id,
			"from-repl",
			"3",
			expect.any(String),
		]);
		expect(table.flat().join(" ")).not.toContain(key);
		expect(await keysCommand(store, { revoke: id }, 10)).toContain(`Revoked ${id}`);
		expect((await ask(gateways[0], "/api/v1/teams", "198.51.100.8", { key })).status).toBe(401);
		await expect(keysCommand(store, { revoke: id }, 10)).rejects.toThrow(
			/no API key has the id/,
		);
		await expect(keysCommand(store, { create: "x", limit: "-1" }, 10)).rejects.toThrow(
			/'limit'/,
		);
	} finally {
		await store.close();
	}
});
