// Which announced actions become public routes, and how the gateway remembers them.
import {
	type AnnouncedService,
	publicRoutesOf,
	RouteBook,
} from "../../../../../services/api/http/public-routes";

const list = (rest: unknown, visibility?: string) => ({
	name: "v1.things.list",
	rest,
	visibility,
	params: { $$strict: true },
});

function service(
	fullName: string,
	actions: AnnouncedService["actions"],
	settings: AnnouncedService["settings"] = {},
): AnnouncedService {
	return { name: fullName.replace(/^v\d+\./, ""), fullName, settings, actions };
}

describe("publicRoutesOf", () => {
	test("an action is public only with a `rest` route and visibility published", () => {
		const routes = publicRoutesOf([
			service("v1.things", { list: list("GET /", "published") }),
			service("v1.quiet", { list: { ...list("GET /", undefined), name: "v1.quiet.list" } }), // Moleculer's default visibility is not enough
			service("v1.inner", { list: { ...list("GET /", "public"), name: "v1.inner.list" } }),
			service("v1.sync", { changes: { name: "v1.sync.changes", visibility: "public" } }), // no route: the feed
		]);
		expect(routes.map(route => route.action)).toEqual(["v1.things.list"]);
	});

	test("the gateway's own actions and Moleculer's internal services are never routes", () => {
		const routes = publicRoutesOf([
			{
				name: "api",
				fullName: "api",
				actions: { rest: { name: "api.rest", rest: "GET /", visibility: "published" } },
			},
			{
				name: "$node",
				fullName: "$node",
				actions: {
					list: { name: "$node.list", rest: "GET /nodes", visibility: "published" },
				},
			},
		]);
		expect(routes).toEqual([]);
	});

	test("the path is the service's full name as a path, then the action's rest path; settings.rest replaces the first", () => {
		const routes = publicRoutesOf([
			service("v3.results", {
				list: { ...list("GET /", "published"), name: "v3.results.list" },
			}),
			service("v1.teams", {
				get: { ...list("GET /:id", "published"), name: "v1.teams.get" },
			}),
			service(
				"v1.table",
				{ list: { ...list("GET /", "published"), name: "v1.table.list" } },
				{ rest: "v1/standings" },
			),
		]);
		expect(routes.map(route => `${route.method} ${route.path}`)).toEqual([
			"GET /v3/results",
			"GET /v1/teams/:id",
			"GET /v1/standings",
		]);
	});

	test("a rest route that is not `METHOD /path` is ignored rather than guessed", () => {
		expect(
			publicRoutesOf([service("v1.things", { list: list("/anything", "published") })]),
		).toEqual([]);
		expect(
			publicRoutesOf([
				service("v1.things", { list: list({ method: "GET", path: "/" }, "published") }),
			]),
		).toEqual([]);
	});
});

describe("publicRoutesOf refuses what cannot be served as it says, and says why", () => {
	const published = (
		name: string,
		rest: unknown,
		params: Record<string, unknown> = { $$strict: true },
	) => ({ name, rest, visibility: "published", params });

	test.each([
		[
			"path-to-regexp syntax in the base path",
			service("v1.odd", { list: published("v1.odd.list", "GET /") }, { rest: "a(b" }),
		],
		[
			"a wildcard base path, which would take others' routes",
			service("v1.odd", { list: published("v1.odd.list", "GET /") }, { rest: "v1/*all" }),
		],
		[
			"a space in the base path",
			service(
				"v1.odd",
				{ list: published("v1.odd.list", "GET /") },
				{ rest: "openapi.json x" },
			),
		],
		[
			"a parameter without a name",
			service("v1.odd", { list: published("v1.odd.list", "GET /::") }),
		],
		["an optional part", service("v1.odd", { list: published("v1.odd.list", "GET /x{/:y}") })],
		[
			"a method that is not one",
			service("v1.odd", { list: published("v1.odd.list", "ALL /") }),
		],
		[
			"the gateway's own OpenAPI document",
			service(
				"v1.odd",
				{ list: published("v1.odd.list", "GET /") },
				{ rest: "openapi.json" },
			),
		],
		[
			"the docs page",
			service("v1.odd", { list: published("v1.odd.list", "GET /") }, { rest: "docs" }),
		],
		[
			"the cluster view",
			service("v1.odd", { list: published("v1.odd.list", "GET /") }, { rest: "CLUSTER" }),
		],
		[
			"the admin route",
			service("v1.odd", { sync: published("v1.odd.sync", "POST /sync") }, { rest: "admin" }),
		],
		[
			"an action named like Moleculer's internals",
			service("v1.helper", { options: published("$node.options", "GET /options") }),
		],
		[
			"an action of another service's name",
			service("v1.helper", { list: published("v1.players.list", "GET /") }),
		],
		[
			"params that are not strict",
			service("v1.loose", { list: published("v1.loose.list", "GET /", { q: "string" }) }),
		],
		[
			"params that drop unknown fields",
			service("v1.loose", {
				list: published("v1.loose.list", "GET /", { $$strict: "remove" }),
			}),
		],
		[
			"an openapi entry without a summary",
			service("v1.odd", {
				list: { ...published("v1.odd.list", "GET /"), openapi: { result: {} } as never },
			}),
		],
	])("%s", (_what, declared) => {
		const refused: Array<{ action: string; reason: string }> = [];
		const fine = service("v1.fine", { list: published("v1.fine.list", "GET /") });
		expect(publicRoutesOf([declared, fine], refused).map(route => route.action)).toEqual([
			"v1.fine.list",
		]);
		expect(refused).toHaveLength(1);
		expect(refused[0].reason).toMatch(/route|name|strict|summary/);
	});
});

describe("RouteBook", () => {
	const route = (action: string, path: string, doc?: object) => ({
		method: "GET",
		path,
		action,
		service: action.replace(/\.[^.]+$/, ""),
		params: {},
		doc: doc as never,
	});

	test("remembers a route after its service has gone, and tells when something changed", () => {
		const book = new RouteBook();
		expect(book.learn([route("v1.a.list", "/v1/a")]).changed).toBe(true);
		expect(book.learn([]).changed).toBe(false);
		expect(book.actions()).toEqual(["v1.a.list"]);
		expect(book.learn([route("v1.a.list", "/v1/a")]).changed).toBe(false);
		expect(book.learn([route("v1.a.list", "/v1/a", { summary: "new" })]).changed).toBe(true);
	});

	test("a second action claiming a known route is refused, in any case and under any parameter name", () => {
		const book = new RouteBook();
		book.learn([route("v1.a.list", "/v1/a"), route("v1.a.get", "/v1/a/:id")]);
		const { refused } = book.learn([
			route("v1.evil.list", "/v1/a"),
			route("v1.evil.upper", "/V1/A"),
			route("v1.evil.get", "/v1/a/:other"),
		]);
		expect(refused.map(r => r.action)).toEqual([
			"v1.evil.list",
			"v1.evil.upper",
			"v1.evil.get",
		]);
		expect(book.routeOf("v1.evil.list")).toBeUndefined();
	});

	test("a deprecated action's successor is the successor action's route, null while that one is unknown", () => {
		const book = new RouteBook();
		book.learn([route("v1.r.list", "/v1/r", { deprecated: { successor: "v2.r.list" } })]);
		expect(book.successorOf("v1.r.list")).toBeNull();
		book.learn([route("v2.r.list", "/v2/r")]);
		expect(book.successorOf("v1.r.list")).toBe("/api/v2/r");
		expect(book.successorOf("v2.r.list")).toBeUndefined();
	});
});
