import {
	cacheKey,
	ifNoneMatchHits,
	ResponseCache,
	strongEtag,
} from "../../../../../services/api/http/response-cache";

const answer = (service: string, text: string) => ({
	service,
	etag: strongEtag(text),
	body: Buffer.from(text),
	headers: {},
});

describe("ResponseCache", () => {
	test("an answer is kept and found by its key; parameters in another order are the same key", () => {
		const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
		const key = cacheKey("/api/v1/players", "team=argentina&page=2");
		expect(cache.store(cache.ticket(key, "v1.players"), answer("v1.players", "[1]"))).toBe(
			true,
		);
		expect(
			cache.lookup(cacheKey("/api/v1/players", "page=2&team=argentina"))?.body.toString(),
		).toBe("[1]");
	});

	test("a cache made closed keeps nothing until it is opened", () => {
		const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000, closed: true });
		expect(cache.enabled).toBe(false);
		expect(cache.store(cache.ticket("/a", "v1.players"), answer("v1.players", "[1]"))).toBe(
			false,
		);
		expect(cache.lookup("/a")).toBeUndefined();
		cache.open();
		expect(cache.enabled).toBe(true);
		expect(cache.store(cache.ticket("/a", "v1.players"), answer("v1.players", "[1]"))).toBe(
			true,
		);
	});

	test("a change of the service drops its answers, and an answer on its way during the change is not kept", () => {
		const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
		cache.store(cache.ticket("/a", "v1.players"), answer("v1.players", "old"));
		cache.store(cache.ticket("/b", "v1.teams"), answer("v1.teams", "teams"));
		const onItsWay = cache.ticket("/a", "v1.players");
		cache.invalidate("v1.players");
		expect(cache.lookup("/a")).toBeUndefined();
		expect(cache.lookup("/b")).toBeDefined(); // another service's answers stay
		expect(cache.store(onItsWay, answer("v1.players", "read before the change"))).toBe(false);
		expect(cache.store(cache.ticket("/a", "v1.players"), answer("v1.players", "new"))).toBe(
			true,
		);
		expect(cache.lookup("/a")?.body.toString()).toBe("new");
	});

	test("versions are services of their own: a change of v1 leaves v2's answers", () => {
		const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
		cache.store(cache.ticket("/api/v1/results", "v1.results"), answer("v1.results", "v1"));
		cache.store(cache.ticket("/api/v2/results", "v2.results"), answer("v2.results", "v2"));
		cache.invalidate("v1.results");
		expect([
			cache.lookup("/api/v1/results"),
			cache.lookup("/api/v2/results")?.body.toString(),
		]).toEqual([undefined, "v2"]);
	});

	test("entries expire, and the least recently used go first past the memory budget", () => {
		let now = 0;
		const cache = new ResponseCache({ maxBytes: 30, ttlMs: 1_000, now: () => now });
		cache.store(cache.ticket("/1", "s"), answer("s", "x".repeat(10)));
		cache.store(cache.ticket("/2", "s"), answer("s", "x".repeat(10)));
		cache.lookup("/1"); // /2 is now the least recently used
		cache.store(cache.ticket("/3", "s"), answer("s", "x".repeat(10)));
		expect(["/1", "/2", "/3"].map(key => cache.lookup(key) !== undefined)).toEqual([
			true,
			false,
			true,
		]);
		now = 1_000;
		expect(cache.lookup("/1")).toBeUndefined();
	});

	test("a cleared cache keeps nothing that was on its way before", () => {
		const cache = new ResponseCache({ maxBytes: 1_000_000, ttlMs: 60_000 });
		const ticket = cache.ticket("/a", "s");
		cache.clear();
		expect(cache.store(ticket, answer("s", "a"))).toBe(false);
	});

	test("a budget of 0 is no cache", () => {
		const cache = new ResponseCache({ maxBytes: 0, ttlMs: 60_000 });
		expect(cache.enabled).toBe(false);
		expect(cache.store(cache.ticket("/a", "s"), answer("s", "a"))).toBe(false);
	});
});

describe("ETags", () => {
	test("strong, from the bytes: the same body the same tag, another body another", () => {
		expect(strongEtag("abc")).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
		expect(strongEtag("abc")).toBe(strongEtag(Buffer.from("abc")));
		expect(strongEtag("abc")).not.toBe(strongEtag("abd"));
	});

	test("If-None-Match names the tag, one of several, any, or a weak form of it", () => {
		const tag = strongEtag("abc");
		for (const header of [tag, `"other", ${tag}`, "*", `W/${tag}`])
			expect({ header, hit: ifNoneMatchHits(header, tag) }).toEqual({ header, hit: true });
		expect(ifNoneMatchHits('"other"', tag)).toBe(false);
		expect(ifNoneMatchHits(undefined, tag)).toBe(false);
	});
});
