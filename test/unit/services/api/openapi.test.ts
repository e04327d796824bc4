// The OpenAPI document: valid OpenAPI 3.1 by a real validator, every public route with the
// constraints its validator enforces, and result schemas that real data fits (its docs page: docs/docs-page.test.ts).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Errors } from "moleculer";
import { syncChangesParams } from "../../../../contracts";
import { normaliseOpenFootball, readOpenFootballDir } from "../../../../domain/openfootball";
import { computeStandings } from "../../../../domain/standings";
import { toHttpError } from "../../../../services/api/http/errors";
import { type PublicRoute, publicRoutesOf } from "../../../../services/api/http/public-routes";
import {
	buildOpenApi,
	type OpenApiDocument,
	type OpenApiOptions,
} from "../../../../services/api/openapi/document";
import { POSITIONS } from "../../../../services/players/players.contract";
import { MATCH_STATUSES, resultsListV2Params } from "../../../../services/results/results.contract";
import { toV4Match } from "../../../../domain/v4-match";
import { announcedServices } from "../../../support/announced";

const ROOT = join(__dirname, "..", "..", "..", "..");
let ROUTES: PublicRoute[];
let BASE: OpenApiOptions;

beforeAll(async () => {
	// The routes as the gateway learns them from the registry, from the real services.
	ROUTES = publicRoutesOf(await announcedServices());
	BASE = { routes: ROUTES, version: "1.2.3" };
}, 60_000);

type Json = Record<string, unknown>;

function operation(doc: OpenApiDocument, path: string, method = "get"): Json {
	const op = doc.paths[path]?.[method];
	if (!op) throw new Error(`no ${method} ${path} in the document`);
	return op;
}

function param(doc: OpenApiDocument, path: string, name: string): Json {
	const found = (operation(doc, path).parameters as Json[]).find(p => p.name === name);
	if (!found) throw new Error(`no parameter ${name} on ${path}`);
	return found;
}

/** A JSON pointer into the document, for the checker's $ref. */
const pointer = (...keys: string[]) =>
	"#/" + keys.map(key => key.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const okSchema = (path: string) =>
	pointer("paths", path, "get", "responses", "200", "content", "application/json", "schema");
const errorSchema = (response: string) =>
	pointer("components", "responses", response, "content", "application/json", "schema");

// The validator is an ES module, which Jest's CommonJS runtime cannot load: it runs in a Node child
// process, fed on stdin. The same process checks sample bodies against the documented schemas with
// the validator's own Ajv (JSON Schema 2020-12, formats checked) after closing every object schema,
// so a field that the data has and the schema lacks fails too (the published schemas stay open).
const CHECKER = `
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Validator } from "@seriousme/openapi-schema-validator";
const { document, samples } = JSON.parse(readFileSync(0, "utf8"));
const spec = await new Validator().validate(document);
const requireNear = createRequire(import.meta.resolve("@seriousme/openapi-schema-validator"));
const ajv = new (requireNear("ajv/dist/2020.js").default)({ strict: false, allErrors: true });
requireNear("ajv-formats").default(ajv);
const close = node => {
	if (!node || typeof node !== "object") return;
	if (node.properties && node.additionalProperties === undefined) node.additionalProperties = false;
	Object.values(node).forEach(close);
};
const closed = structuredClone(document);
close(closed);
const failures = samples.map(({ ref, values }) => {
	const check = ajv.compile({ ...closed, $ref: ref });
	return values.flatMap((value, i) => (check(value) ? [] : [ref + " [" + i + "] " + ajv.errorsText(check.errors)])).slice(0, 5);
}).flat();
process.stdout.write(JSON.stringify({ spec, failures }));
`;

interface CheckResult {
	spec: { valid: boolean; errors?: unknown };
	failures: string[];
}

function check(
	document: OpenApiDocument,
	samples: Array<{ ref: string; values: unknown[] }> = [],
): CheckResult {
	const run = spawnSync(process.execPath, ["--input-type=module", "-e", CHECKER], {
		cwd: ROOT,
		input: JSON.stringify({ document, samples }),
		encoding: "utf8",
		maxBuffer: 16 << 20,
	});
	if (run.status !== 0) throw new Error(`the checker failed: ${run.stderr}`);
	return JSON.parse(run.stdout) as CheckResult;
}

describe("buildOpenApi", () => {
	let doc: OpenApiDocument;
	beforeAll(() => {
		doc = buildOpenApi({ ...BASE, admin: true, serverUrl: "https://matchday.example" });
	});

	test("the routes come from the services themselves: one per public action, none for sync's feed", () => {
		expect(
			ROUTES.map(route => `${route.method} ${route.path} → ${route.action}`).sort(),
		).toEqual([
			"GET /v1/competitions → v1.competitions.list",
			"GET /v1/competitions/:code → v1.competition.get",
			"GET /v1/head2head → v1.head2head.get",
			"GET /v1/persons/:id → v1.persons.get",
			"GET /v1/players → v1.players.list",
			"GET /v1/results → v1.results.list",
			"GET /v1/scorers → v1.scorers.list",
			"GET /v1/standings → v1.standings.list",
			"GET /v1/teams → v1.teams.list",
			"GET /v1/teams/:id → v1.team.get",
			"GET /v2/matches/:id → v2.matches.get",
			"GET /v2/matches/:id/head2head → v2.head2head.get",
			"GET /v2/results → v2.results.list",
		]);
	});

	test("when built from the real routes and params, then a real validator finds valid OpenAPI 3.1", () => {
		const { spec } = check(doc);
		expect(spec.errors).toBeUndefined();
		expect(spec.valid).toBe(true);
		expect(doc.openapi).toBe("3.1.0");
		expect(doc.info.version).toBe("1.2.3");
		expect(doc.servers).toEqual([{ url: "https://matchday.example" }]);
	});

	test("a document that breaks OpenAPI is refused by the same check (the check can fail)", () => {
		const broken = structuredClone(doc) as unknown as Json;
		(broken.paths as Json)["/api/v1/players"] = { get: { responses: { "200": {} } } }; // a response needs a description
		expect(check(broken as unknown as OpenApiDocument).spec.valid).toBe(false);
	});

	test("every public route is a GET under /api with an operation id, a version tag and every parameter its validator takes", () => {
		for (const route of ROUTES) {
			const op = operation(doc, `/api${route.path.replace(/:(\w+)/g, "{$1}")}`);
			const names = (op.parameters as Json[]).map(p => p.name);
			expect(names).toEqual(Object.keys(route.params).filter(name => name !== "$$strict"));
			expect(op.tags).toEqual([route.path.split("/")[1]]);
			expect(op.description).toMatch(/unknown query parameter is refused/);
		}
		expect(operation(doc, "/api/v1/players").operationId).toBe("v1PlayersList");
		expect(operation(doc, "/api/v2/results").operationId).toBe("v2ResultsList");
		expect(doc.tags.map(tag => tag.name)).toEqual(["admin", "live", "operations", "v1", "v2"]);
	});

	test("parameters carry the validator's constraints, and only what is neither optional nor defaulted is required", () => {
		expect(param(doc, "/api/v1/players", "pageSize")).toEqual({
			name: "pageSize",
			in: "query",
			description: "Rows per page. Written in decimal digits (`10`, not `1e1` or `0xA`).",
			schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
		});
		expect(param(doc, "/api/v1/players", "position").schema).toEqual({
			type: "string",
			enum: POSITIONS,
		});
		expect(param(doc, "/api/v1/players", "sort").schema).toMatchObject({
			type: "string",
			default: "name",
		});
		expect(param(doc, "/api/v1/players", "team").schema).toEqual({
			type: "string",
			minLength: 1,
			maxLength: 120,
			pattern: "^\\s*(?:[a-z0-9-]+)\\s*$",
		});
		expect(param(doc, "/api/v1/results", "dateFrom").schema).toEqual({
			type: "string",
			format: "date",
			pattern: "^\\d{4}-\\d{2}-\\d{2}$",
		});
		expect(param(doc, "/api/v1/results", "status").schema).toEqual({
			type: "string",
			enum: MATCH_STATUSES,
		});
		const competitions = param(doc, "/api/v2/results", "competitions");
		// What a client may send: the validator trims and upper-cases before it matches its pattern.
		expect(resultsListV2Params.competitions.pattern).toBe("^[A-Z0-9]+(,[A-Z0-9]+)*$");
		expect(competitions.schema).toEqual({
			type: "string",
			maxLength: 100,
			pattern: "^\\s*(?:[A-Za-z0-9]+(,[A-Za-z0-9]+)*)\\s*$",
		});
		const sendable = new RegExp(String((competitions.schema as Json).pattern));
		expect(["PL,CL", "pl,cl", " PL "].every(value => sendable.test(value))).toBe(true);
		expect(["PL,", "P L", ""].some(value => sendable.test(value))).toBe(false);
		expect(competitions.description).toMatch(/Case is ignored/);
		expect(competitions.description).toMatch(/Spaces at either end are ignored/);
		// A trimmed value of spaces alone is refused, and the schema says so.
		const q = new RegExp(String((param(doc, "/api/v1/players", "q").schema as Json).pattern));
		expect([q.test("   "), q.test(" mbappé ")]).toEqual([false, true]);
		expect(param(doc, "/api/v2/results", "limit").schema).toMatchObject({
			type: "integer",
			maximum: 100,
		});
		// Without `optional` or a default: a scorers list's competition, head-to-head's teams, a path's parameter.
		const required = Object.entries(doc.paths).flatMap(([path, item]) =>
			((item.get?.parameters as Json[] | undefined) ?? [])
				.filter(p => p.required)
				.map(p => `${path} ${String(p.name)}`),
		);
		// What a request cannot do without carries the service's example.
		expect(param(doc, "/api/v2/matches/{id}", "id")).toMatchObject({
			in: "path",
			required: true,
			example: "wc-2022-final-argentina-france",
		});
		expect(param(doc, "/api/v1/scorers", "competition").example).toBe("WC");
		expect(required.sort()).toEqual([
			"/api/v1/competitions/{code} code",
			"/api/v1/head2head teams",
			"/api/v1/persons/{id} id",
			"/api/v1/scorers competition",
			"/api/v1/teams/{id} id",
			"/api/v2/matches/{id} id",
			"/api/v2/matches/{id}/head2head id",
		]);
	});

	test("when a param has neither optional nor default, then it is required; a shorthand rule is read too", () => {
		const feed = buildOpenApi({
			routes: [
				{
					method: "GET",
					path: "/v1/changes",
					action: "v1.sync.changes",
					service: "v1.sync",
					params: syncChangesParams,
				},
				{
					method: "GET",
					path: "/v1/echo",
					action: "v1.echo.say",
					service: "v1.echo",
					params: { $$strict: true, text: "string|max:5", loud: "boolean|optional" },
				},
			],
			version: "1",
		});
		expect(param(feed, "/api/v1/changes", "since")).toMatchObject({
			schema: { type: "integer", minimum: 0, default: 0 },
		});
		expect(param(feed, "/api/v1/changes", "since").required).toBeUndefined();
		expect(param(feed, "/api/v1/changes", "limit").required).toBeUndefined();
		expect(param(feed, "/api/v1/changes", "kinds").schema).toEqual({
			type: "array",
			items: { type: "string", enum: ["competition", "team", "player", "match"] },
		});
		expect(param(feed, "/api/v1/echo", "text")).toMatchObject({
			required: true,
			schema: { type: "string", maxLength: 5 },
		});
		expect(param(feed, "/api/v1/echo", "loud")).toEqual({
			name: "loud",
			in: "query",
			schema: { type: "boolean" },
		});
		expect(check(feed).spec.valid).toBe(true);
	});

	test("every route answers its result with its caching headers, 304 to a revalidation, and the error shape on 401 (a bad API key), 404, 422, 429, 503 and 504", () => {
		for (const path of ["/api/v1/players", "/api/v2/results"]) {
			const responses = operation(doc, path).responses as Json;
			expect(Object.keys(responses).sort()).toEqual([
				"200",
				"304",
				"401",
				"404",
				"422",
				"429",
				"503",
				"504",
			]);
			expect(responses["422"]).toEqual({ $ref: "#/components/responses/ValidationError" });
			expect(Object.keys((responses["200"] as Json).headers as Json)).toEqual(
				expect.arrayContaining(["ETag", "Cache-Control", "X-Cache", "X-Request-ID"]),
			);
		}
		expect(operation(doc, "/api/v2/results").responses).toMatchObject({
			"200": {
				content: {
					"application/json": {
						schema: { $ref: "#/components/schemas/ResultsListV2Result" },
					},
				},
			},
		});
		for (const name of [
			"ValidationError",
			"NotFound",
			"TooManyRequests",
			"ServiceUnavailable",
			"Timeout",
			"Unauthorized",
		]) {
			expect(doc.components.responses[name]).toMatchObject({
				content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
			});
		}
		expect(doc.components.responses.ServiceUnavailable).toMatchObject({
			headers: { "Retry-After": {} },
		});
	});

	test("a service that declares itself deprecated is marked so, and only it", () => {
		expect(operation(doc, "/api/v1/results").deprecated).toBe(true);
		for (const path of ["/api/v2/results", "/api/v1/players", "/api/v1/standings"])
			expect(operation(doc, path).deprecated).toBeUndefined();
		const undeclared = buildOpenApi({
			...BASE,
			routes: ROUTES.map(route => ({
				...route,
				doc: route.doc && { ...route.doc, deprecated: undefined },
			})),
		});
		expect(operation(undeclared, "/api/v1/results").deprecated).toBeUndefined();
	});

	test("two services documenting different schemas under one name: the first is kept, and the conflict is told", () => {
		const conflicts: string[] = [];
		const players = ROUTES.find(route => route.action === "v1.players.list")!;
		const rival: PublicRoute = {
			...players,
			path: "/v9/players",
			action: "v9.players.list",
			doc: { ...players.doc!, components: { TeamRef: { type: "string" } } },
		};
		const merged = buildOpenApi({
			...BASE,
			routes: [...ROUTES, rival],
			onConflict: (name, action) => conflicts.push(`${name} ${action}`),
		});
		expect(conflicts).toEqual(["TeamRef v9.players.list"]);
		expect(merged.components.schemas.TeamRef).toEqual(doc.components.schemas.TeamRef);
	});

	test("health and metrics are always documented; the admin route and its bearer scheme only when asked", () => {
		const plain = buildOpenApi(BASE);
		for (const d of [plain, doc]) {
			expect(Object.keys(operation(d, "/health/ready").responses as Json)).toEqual([
				"200",
				"503",
			]);
			expect(operation(d, "/health/live").responses).toMatchObject({
				"200": { content: { "application/json": {} } },
			});
			expect(operation(d, "/metrics").responses).toMatchObject({
				"200": { content: { "text/plain": { schema: { type: "string" } } } },
			});
		}
		expect(plain.paths["/api/admin/sync"]).toBeUndefined();
		expect(plain.paths["/api/admin/keys"]).toBeUndefined();
		// The optional API key is documented everywhere; the admin token only with the admin routes.
		expect(Object.keys(plain.components.securitySchemes)).toEqual(["apiKey"]);
		expect(plain.components.securitySchemes.apiKey).toMatchObject({
			type: "apiKey",
			in: "header",
			name: "X-Auth-Token",
		});
		expect(plain.security).toEqual([{}, { apiKey: [] }]);
		for (const [path, method] of [
			["/api/admin/keys", "post"],
			["/api/admin/keys", "get"],
			["/api/admin/keys/{id}", "delete"],
		])
			expect(operation(doc, path, method).security).toEqual([{ adminToken: [] }]);
		const sync = operation(doc, "/api/admin/sync", "post");
		expect(sync.security).toEqual([{ adminToken: [] }]);
		expect(doc.components.securitySchemes.adminToken).toMatchObject({
			type: "http",
			scheme: "bearer",
		});
		expect(sync.responses).toMatchObject({
			"202": {
				content: {
					"application/json": {
						schema: { properties: { status: { const: "accepted" } } },
					},
				},
			},
			"401": { $ref: "#/components/responses/Unauthorized" },
		});
	});

	test("a caller changing its document does not change the next one", () => {
		const first = buildOpenApi(BASE);
		(first.components.schemas.Player as Json).required = [];
		expect((buildOpenApi(BASE).components.schemas.Player as Json).required).toContain(
			"shirtNumber",
		);
	});

	test("real data from the source, and the gateway's real error bodies, fit the documented schemas with no field missing or extra", () => {
		const data = normaliseOpenFootball(readOpenFootballDir(join(ROOT, "data", "openfootball")));
		const page = <T>(rows: T[]) => ({
			rows,
			page: 1,
			pageSize: rows.length,
			total: rows.length,
			totalPages: 1,
		});
		const matches = data.matches.map(toV4Match);
		const v2 = {
			filters: { competition: "WC", season: 2022 },
			resultSet: { count: matches.length, first: "2022-11-20", last: null, played: 3 },
			matches,
			next: "abc",
		};
		const validation = new Errors.ValidationError("bad", "VALIDATION_ERROR", [
			{ type: "numberMax", field: "pageSize", message: "too big" },
		] as never);
		const samples = [
			{ ref: okSchema("/api/v1/players"), values: [page(data.players)] },
			{ ref: okSchema("/api/v1/teams"), values: [page(data.teams)] },
			{ ref: okSchema("/api/v1/competitions"), values: [page(data.competitions)] },
			{ ref: okSchema("/api/v1/results"), values: [page(data.matches)] },
			{ ref: okSchema("/api/v2/results"), values: [v2, { ...v2, matches: [], next: null }] },
			{
				ref: okSchema("/api/v1/standings"),
				// As the service answers them: each table with its type.
				values: [
					page(
						[...computeStandings(data.matches).values()].map(s => ({
							...s,
							type: "TOTAL",
						})),
					),
				],
			},
			{ ref: errorSchema("ValidationError"), values: [toHttpError(validation).body] },
			{
				ref: errorSchema("ServiceUnavailable"),
				values: [
					toHttpError(new Errors.ServiceNotAvailableError({ action: "v1.players.list" }))
						.body,
				],
			},
			{
				ref: errorSchema("Timeout"),
				values: [
					toHttpError(
						new Errors.RequestTimeoutError({ action: "v1.results.list", nodeID: "n" }),
					).body,
				],
			},
		];
		expect(data.players.length).toBeGreaterThan(100);
		expect(check(doc, samples).failures).toEqual([]);
		// The same check refuses a row with a field the schema does not know, and one without a required field.
		const { team: _team, ...withoutTeam } = data.players[0];
		const wrong = [
			{
				ref: okSchema("/api/v1/players"),
				values: [page([{ ...data.players[0], shoeSize: 44 }]), page([withoutTeam])],
			},
		];
		expect(check(doc, wrong).failures).toEqual([
			expect.stringMatching(/additional properties/),
			expect.stringMatching(/must have required property 'team'/),
		]);
	});
});
