// The gateway's pure parts: the rate limiter and its client key, the request id, readiness,
// and the Prometheus text of Moleculer's metrics.
import { prometheusText } from "../../../../contracts/prometheus";
import { MemoryGatewayStore } from "../../../../storage/gateway-store";
import { clientKey, RateLimiter } from "../../../../services/api/http/rate-limit";
import { readinessOf } from "../../../../services/api/http/readiness";
import { requestIdFor } from "../../../../services/api/http/security";

describe("clientKey", () => {
	const proxies = new Set(["10.0.0.2", "10.0.0.3"]);

	test("a client that writes X-Forwarded-For itself is still keyed by its own address", () => {
		expect(clientKey("203.0.113.7", "1.2.3.4", new Set())).toBe("203.0.113.7");
		expect(clientKey("203.0.113.7", "1.2.3.4", proxies)).toBe("203.0.113.7");
	});

	test("behind trusted proxies, the nearest address that is not a proxy is the client", () => {
		// The client forged the first hop; the proxies appended the real one.
		expect(clientKey("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.3", proxies)).toBe(
			"198.51.100.9",
		);
		expect(clientKey("::ffff:10.0.0.2", ["198.51.100.9"], proxies)).toBe("198.51.100.9");
	});

	test("IPv4 addresses written the IPv6 way are the same client", () => {
		expect(clientKey("::ffff:127.0.0.1", undefined, new Set())).toBe("127.0.0.1");
	});
});

describe("RateLimiter", () => {
	test("when a client passes its limit, then it is refused with Retry-After until the window ends; others are not", async () => {
		let now = 1_000_000;
		const limiter = new RateLimiter(new MemoryGatewayStore(() => now), 10_000);
		const first = await limiter.take("a", 3);
		expect(first).toEqual({
			allowed: true,
			headers: {
				"RateLimit-Policy": "3;w=10",
				"RateLimit-Limit": "3",
				"RateLimit-Remaining": "2",
				"RateLimit-Reset": "10",
			},
		});
		await limiter.take("a", 3);
		expect((await limiter.take("a", 3)).headers["RateLimit-Remaining"]).toBe("0");
		now += 4_000;
		const refused = await limiter.take("a", 3);
		expect(refused.allowed).toBe(false);
		expect(refused.headers["Retry-After"]).toBe("6");
		expect((await limiter.take("b", 3)).allowed).toBe(true);
		now += 6_000;
		expect((await limiter.take("a", 3)).allowed).toBe(true);
	});

	test("each subject is held to the limit it is taken with (a key's own, the anonymous one)", async () => {
		const limiter = new RateLimiter(new MemoryGatewayStore(() => 0), 10_000);
		expect((await limiter.take("key:k", 100)).headers["RateLimit-Remaining"]).toBe("99");
		expect((await limiter.take("address:a", 1)).allowed).toBe(true);
		expect((await limiter.take("address:a", 1)).allowed).toBe(false);
		expect((await limiter.take("key:k", 100)).allowed).toBe(true);
	});

	test("finished windows are forgotten, so memory follows active clients", async () => {
		let now = 0;
		const store = new MemoryGatewayStore(() => now);
		const limiter = new RateLimiter(store, 1_000);
		for (let i = 0; i < 100; i++) await limiter.take(`client-${i}`, 1);
		expect(store.trackedWindows).toBe(100);
		now += 2_000;
		await limiter.take("late", 1);
		expect(store.trackedWindows).toBe(1);
	});
});

describe("requestIdFor", () => {
	test("a plain token from the client is kept; anything else is replaced by a fresh id", () => {
		expect(requestIdFor("abc-123_XYZ.9")).toBe("abc-123_XYZ.9");
		for (const bad of [
			"x",
			"with space in it",
			"evil\r\nSet-Cookie: a=b",
			"a".repeat(65),
			undefined,
		]) {
			const id = requestIdFor(bad);
			expect(id).not.toBe(bad);
			expect(id).toMatch(/^[0-9a-f-]{36}$/);
		}
	});
});

describe("readinessOf", () => {
	test("ready only when every required action has a node, and says which service is missing", () => {
		const available = new Set(["v1.players.list", "v1.sync.changes"]);
		const actions = { isAvailable: (action: string) => available.has(action) };
		expect(readinessOf(actions, ["v1.players.list", "v1.sync.changes"])).toEqual({
			ready: true,
			services: { "v1.players": true, "v1.sync": true },
		});
		expect(readinessOf(actions, ["v1.players.list", "v2.results.list"])).toEqual({
			ready: false,
			services: { "v1.players": true, "v2.results": false },
		});
	});
});

describe("prometheusText", () => {
	test("counters keep their labels; histograms keep cumulative buckets, sum and count; info metrics are left out", () => {
		const text = prometheusText([
			{
				name: "moleculer.request.total",
				type: "counter",
				description: "Number of requests",
				values: [{ labels: { action: "v1.players.list", caller: 'say "hi"' }, value: 7 }],
			},
			{
				name: "moleculer.request.time",
				type: "histogram",
				values: [
					{
						labels: { action: "v1.players.list" },
						count: 3,
						sum: 12.5,
						buckets: { "10": 2, "5": 1 },
					},
				],
			},
			{ name: "os.hostname", type: "info", values: [{ labels: {}, value: null }] },
		]);
		expect(text.split("\n")).toEqual([
			"# HELP moleculer_request_total Number of requests",
			"# TYPE moleculer_request_total counter",
			'moleculer_request_total{action="v1.players.list",caller="say \\"hi\\""} 7',
			"# TYPE moleculer_request_time histogram",
			'moleculer_request_time_bucket{action="v1.players.list",le="5"} 1',
			'moleculer_request_time_bucket{action="v1.players.list",le="10"} 2',
			'moleculer_request_time_bucket{action="v1.players.list",le="+Inf"} 3',
			'moleculer_request_time_sum{action="v1.players.list"} 12.5',
			'moleculer_request_time_count{action="v1.players.list"} 3',
			"",
		]);
	});
});
