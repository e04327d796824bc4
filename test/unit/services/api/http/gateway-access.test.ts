// Who is asking and whether they may now: keys with their own limits, an anonymous limit by
// address, 401 for a key that is not one, and what happens while the store is away. On the
// in-memory store; the api-keys integration suite runs the same over Redis with two gateways.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createApiKey, newKeyRequestOf } from "../../../../../storage/api-keys";
import { gatewayAccess, type Refusal } from "../../../../../services/api/http/gateway-access";
import {
	type GatewayStore,
	keyHash,
	MemoryGatewayStore,
} from "../../../../../storage/gateway-store";
import { RateLimiter } from "../../../../../services/api/http/rate-limit";

interface Outcome {
	passed: boolean;
	refusal?: Refusal;
	headers: Record<string, string>;
}

function request(headers: Record<string, string> = {}, url = "/api/v1/players"): IncomingMessage {
	return { url, headers, socket: { remoteAddress: "203.0.113.5" } } as unknown as IncomingMessage;
}

function accessOn(store: GatewayStore, anonymousLimit = 2, documentLimit = 2) {
	const warnings: string[] = [];
	const middleware = gatewayAccess({
		store,
		limiter: new RateLimiter(store, 60_000),
		anonymousLimit,
		documentLimit,
		trustedProxies: new Set(),
		refuse: (res, refusal) => void Object.assign(res, { refusal }),
		warn: message => warnings.push(message),
	});
	const call = (req: IncomingMessage) =>
		new Promise<Outcome>(done => {
			const headers: Record<string, string> = {};
			const res = {
				setHeader: (name: string, value: string) => (headers[name] = value),
			} as unknown as ServerResponse;
			middleware(req, res, () => done({ passed: true, headers }));
			setTimeout(
				() =>
					done({
						passed: false,
						refusal: (res as unknown as { refusal: Refusal }).refusal,
						headers,
					}),
				50,
			);
		});
	return { call, warnings };
}

test("a request with a valid key is held to that key's limit, not the anonymous one", async () => {
	const store = new MemoryGatewayStore();
	const { key } = await createApiKey(store, { name: "partner", limit: 3 }, 100);
	const { call } = accessOn(store, 1);
	const outcomes = [];
	for (let i = 0; i < 4; i++) outcomes.push(await call(request({ "x-auth-token": key })));
	expect(outcomes.map(o => o.passed)).toEqual([true, true, true, false]);
	expect(outcomes.map(o => o.headers["RateLimit-Remaining"])).toEqual(["2", "1", "0", "0"]);
	expect(outcomes[3].refusal).toMatchObject({ status: 429, type: "RATE_LIMITED" });
	expect(outcomes[3].refusal?.message).toContain("this API key");
	// The anonymous client from the same address still has its own window.
	expect((await call(request())).passed).toBe(true);
});

test("without a key, the client is counted by address against the anonymous limit", async () => {
	const { call } = accessOn(new MemoryGatewayStore(), 2);
	const outcomes = [await call(request()), await call(request()), await call(request())];
	expect(outcomes.map(o => o.passed)).toEqual([true, true, false]);
	expect(outcomes[2].refusal?.message).toContain("X-Auth-Token");
	expect(outcomes[2].refusal?.retryAfter).toBeGreaterThan(0);
});

test("the OpenAPI document, the docs page and the dashboard are counted on a budget of their own", async () => {
	const { call } = accessOn(new MemoryGatewayStore(), 1, 2);
	const api = [await call(request()), await call(request())];
	expect(api.map(o => o.passed)).toEqual([true, false]);
	// The API's limit is spent; the schema that tells a tool about it is still there.
	const documentRequest = (url: string) =>
		Object.assign(request({}, url.replace(/^\/api/, "")), { originalUrl: url });
	const documents = [
		await call(documentRequest("/api/openapi.json")),
		await call(documentRequest("/api/docs")),
		await call(documentRequest("/dashboard/app.js")),
	];
	expect(documents.map(o => o.passed)).toEqual([true, true, false]);
	expect(documents[2].refusal).toMatchObject({ status: 429 });
});

test("an unknown, empty or revoked key is refused with 401, not served as anonymous", async () => {
	const store = new MemoryGatewayStore();
	const { key, record } = await createApiKey(store, { name: "gone" }, 100);
	const { call } = accessOn(store);
	for (const token of ["md_not-a-key", " ", key.slice(0, -1)]) {
		const outcome = await call(request({ "x-auth-token": token }));
		expect(outcome.refusal).toMatchObject({ status: 401, type: "INVALID_API_KEY" });
	}
	expect((await call(request({ "x-auth-token": key }))).passed).toBe(true);
	expect(await store.revokeKey(record.id)).toBe(true);
	expect((await call(request({ "x-auth-token": key }))).refusal?.status).toBe(401);
});

test("health and metrics are never limited", async () => {
	const { call } = accessOn(new MemoryGatewayStore(), 1);
	for (let i = 0; i < 3; i++)
		expect((await call(request({}, "/health/ready"))).passed).toBe(true);
});

test("while the store is away, keyed requests get 503 with Retry-After and anonymous ones pass uncounted", async () => {
	const broken = new MemoryGatewayStore();
	const away = () => Promise.reject(new Error("connection refused"));
	Object.assign(broken, { hit: away, findKey: away });
	const { call, warnings } = accessOn(broken);
	expect((await call(request({ "x-auth-token": "md_anything" }))).refusal).toMatchObject({
		status: 503,
		retryAfter: 5,
	});
	expect((await call(request())).passed).toBe(true);
	expect(warnings.join("\n")).toContain("connection refused");
});

test("only the key's hash is stored, and the key is shown once", async () => {
	const store = new MemoryGatewayStore();
	const { key, record } = await createApiKey(store, { name: "partner" }, 100);
	expect(key).toMatch(/^md_[A-Za-z0-9_-]{43}$/);
	expect(record).toMatchObject({ name: "partner", limit: 100, id: keyHash(key).slice(0, 12) });
	expect(JSON.stringify(await store.listKeys())).not.toContain(key);
	expect(await store.findKey(keyHash(key))).toEqual(record);
});

describe("newKeyRequestOf", () => {
	test("a name and an optional whole-number limit", () => {
		expect(newKeyRequestOf({ name: " partner " })).toEqual({ name: "partner" });
		expect(newKeyRequestOf({ name: "p", limit: 0 })).toEqual({ name: "p", limit: 0 });
	});

	test.each([
		[{}, "name"],
		[{ name: "" }, "name"],
		[{ name: "x".repeat(101) }, "name"],
		[{ name: "p", limit: -1 }, "limit"],
		[{ name: "p", limit: 1.5 }, "limit"],
		[{ name: "p", limit: "10" }, "limit"],
		[{ name: "p", owner: "me" }, "owner"],
		[null, "name"],
	])("%j is refused, naming the field %s", (body, field) => {
		let error: { name?: string; data?: Array<{ field: string }> } = {};
		try {
			newKeyRequestOf(body);
		} catch (err) {
			error = err as typeof error;
		}
		expect(error.name).toBe("ValidationError");
		expect(error.data?.map(item => item.field)).toContain(field);
	});
});
