// The OpenAPI document and its docs page: valid OpenAPI 3.1 by a real validator, every public
// route with the constraints its validator enforces, result schemas that real data fits, and a
// page that renders the document using nothing from another origin.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { runInNewContext, Script } from "node:vm";
import { Errors } from "moleculer";
import { MATCH_STATUSES, POSITIONS, resultsListV2Params, syncChangesParams } from "../../../../contracts";
import { normaliseOpenFootball, readOpenFootballDir } from "../../../../domain/openfootball";
import { computeStandings } from "../../../../domain/standings";
import { docsPage } from "../../../../services/api/docs-page";
import { toHttpError } from "../../../../services/api/http-errors";
import { buildOpenApi, OPENAPI_PATH, type OpenApiDocument, type OpenApiOptions, PARAMS_BY_ACTION } from "../../../../services/api/openapi";
import { PUBLIC_ROUTES } from "../../../../services/api/routes";
import { toV4Match } from "../../../../services/results/results.v2.view";

const ROOT = join(__dirname, "..", "..", "..", "..");
const BASE: OpenApiOptions = { routes: PUBLIC_ROUTES, paramsByAction: PARAMS_BY_ACTION, version: "1.2.3" };

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
const pointer = (...keys: string[]) => "#/" + keys.map(key => key.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const okSchema = (path: string) => pointer("paths", path, "get", "responses", "200", "content", "application/json", "schema");
const errorSchema = (response: string) => pointer("components", "responses", response, "content", "application/json", "schema");

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

function check(document: OpenApiDocument, samples: Array<{ ref: string; values: unknown[] }> = []): CheckResult {
	const run = spawnSync(process.execPath, ["--input-type=module", "-e", CHECKER], { cwd: ROOT, input: JSON.stringify({ document, samples }), encoding: "utf8", maxBuffer: 16 << 20 });
	if (run.status !== 0) throw new Error(`the checker failed: ${run.stderr}`);
	return JSON.parse(run.stdout) as CheckResult;
}

describe("buildOpenApi", () => {
	const doc = buildOpenApi({ ...BASE, admin: true, serverUrl: "https://matchday.example" });

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
		for (const [key, action] of Object.entries(PUBLIC_ROUTES)) {
			const path = `/api${key.replace(/^GET /, "")}`;
			const op = operation(doc, path);
			const names = (op.parameters as Json[]).map(p => p.name);
			expect(names).toEqual(Object.keys(PARAMS_BY_ACTION[action]).filter(name => name !== "$$strict"));
			expect(op.tags).toEqual([key.split("/")[1]]);
			expect(op.description).toMatch(/unknown query parameter is refused/);
		}
		expect(operation(doc, "/api/v1/players").operationId).toBe("v1PlayersList");
		expect(operation(doc, "/api/v2/results").operationId).toBe("v2ResultsList");
		expect(doc.tags.map(tag => tag.name)).toEqual(["admin", "operations", "v1", "v2"]);
	});

	test("parameters carry the validator's constraints, and none is required when optional or defaulted", () => {
		expect(param(doc, "/api/v1/players", "pageSize")).toEqual({ name: "pageSize", in: "query", description: "Rows per page.", schema: { type: "integer", minimum: 1, maximum: 100, default: 20 } });
		expect(param(doc, "/api/v1/players", "position").schema).toEqual({ type: "string", enum: POSITIONS });
		expect(param(doc, "/api/v1/players", "sort").schema).toMatchObject({ type: "string", default: "name" });
		expect(param(doc, "/api/v1/players", "team").schema).toEqual({ type: "string", minLength: 1, maxLength: 120, pattern: "^[a-z0-9-]+$" });
		expect(param(doc, "/api/v1/results", "dateFrom").schema).toEqual({ type: "string", format: "date", pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
		expect(param(doc, "/api/v1/results", "status").schema).toEqual({ type: "string", enum: MATCH_STATUSES });
		const competitions = param(doc, "/api/v2/results", "competitions");
		expect(competitions.schema).toEqual({ type: "string", maxLength: 100, pattern: "^[A-Z0-9]+(,[A-Z0-9]+)*$" });
		expect(new RegExp((competitions.schema as Json).pattern as string).source).toBe(resultsListV2Params.competitions.pattern.source);
		expect(competitions.description).toMatch(/Case is ignored/);
		expect(param(doc, "/api/v2/results", "limit").schema).toMatchObject({ type: "integer", maximum: 100 });
		const required = Object.values(doc.paths).flatMap(item => (item.get?.parameters as Json[] | undefined) ?? []).filter(p => p.required);
		expect(required).toEqual([]);
	});

	test("when a param has neither optional nor default, then it is required; a shorthand rule is read too", () => {
		const feed = buildOpenApi({
			routes: { "GET /v1/changes": "v1.sync.changes", "GET /v1/echo": "v1.echo.say" },
			paramsByAction: { "v1.sync.changes": syncChangesParams, "v1.echo.say": { $$strict: true, text: "string|max:5", loud: "boolean|optional" } },
			version: "1",
		});
		expect(param(feed, "/api/v1/changes", "since")).toMatchObject({ required: true, schema: { type: "integer", minimum: 0 } });
		expect(param(feed, "/api/v1/changes", "limit").required).toBeUndefined();
		expect(param(feed, "/api/v1/changes", "kinds").schema).toEqual({ type: "array", items: { type: "string", enum: ["competition", "team", "player", "match"] } });
		expect(param(feed, "/api/v1/echo", "text")).toMatchObject({ required: true, schema: { type: "string", maxLength: 5 } });
		expect(param(feed, "/api/v1/echo", "loud")).toEqual({ name: "loud", in: "query", schema: { type: "boolean" } });
		expect(check(feed).spec.valid).toBe(true);
	});

	test("every route answers its result, and the error shape on 404, 422, 429, 503 and 504", () => {
		for (const path of ["/api/v1/players", "/api/v2/results"]) {
			const responses = operation(doc, path).responses as Json;
			expect(Object.keys(responses).sort()).toEqual(["200", "404", "422", "429", "503", "504"]);
			expect(responses["422"]).toEqual({ $ref: "#/components/responses/ValidationError" });
		}
		expect(operation(doc, "/api/v2/results").responses).toMatchObject({ "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/ResultsListV2Result" } } } } });
		for (const name of ["ValidationError", "NotFound", "TooManyRequests", "ServiceUnavailable", "Timeout", "Unauthorized"]) {
			expect(doc.components.responses[name]).toMatchObject({ content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
		}
		expect(doc.components.responses.ServiceUnavailable).toMatchObject({ headers: { "Retry-After": {} } });
	});

	test("when routes are listed as deprecated, then only their operations say so", () => {
		const marked = buildOpenApi({ ...BASE, deprecated: ["GET /v1/results"] });
		expect(operation(marked, "/api/v1/results").deprecated).toBe(true);
		expect(operation(marked, "/api/v2/results").deprecated).toBeUndefined();
		expect(operation(doc, "/api/v1/results").deprecated).toBeUndefined();
		expect(() => buildOpenApi({ ...BASE, deprecated: ["GET /v1/result"] })).toThrow(/not one of the routes/);
	});

	test("health and metrics are always documented; the admin route and its bearer scheme only when asked", () => {
		const plain = buildOpenApi(BASE);
		for (const d of [plain, doc]) {
			expect(Object.keys(operation(d, "/health/ready").responses as Json)).toEqual(["200", "503"]);
			expect(operation(d, "/health/live").responses).toMatchObject({ "200": { content: { "application/json": {} } } });
			expect(operation(d, "/metrics").responses).toMatchObject({ "200": { content: { "text/plain": { schema: { type: "string" } } } } });
		}
		expect(plain.paths["/api/admin/sync"]).toBeUndefined();
		expect(plain.components.securitySchemes).toBeUndefined();
		const sync = operation(doc, "/api/admin/sync", "post");
		expect(sync.security).toEqual([{ adminToken: [] }]);
		expect(doc.components.securitySchemes.adminToken).toMatchObject({ type: "http", scheme: "bearer" });
		expect(sync.responses).toMatchObject({ "202": { content: { "application/json": { schema: { properties: { status: { const: "accepted" } } } } } }, "401": { $ref: "#/components/responses/Unauthorized" } });
	});

	test("a route that cannot be documented, or an action without a params schema, is an error rather than a silent gap", () => {
		expect(() => buildOpenApi({ ...BASE, routes: { "POST /v1/players": "v1.players.list" } })).toThrow(/cannot be documented/);
		expect(() => buildOpenApi({ ...BASE, routes: { "GET /v1/nothing": "v1.nothing.list" } })).toThrow(/No params schema for "v1.nothing.list"/);
	});

	test("a caller changing its document does not change the next one", () => {
		const first = buildOpenApi(BASE);
		(first.components.schemas.Player as Json).required = [];
		expect((buildOpenApi(BASE).components.schemas.Player as Json).required).toContain("shirtNumber");
	});

	test("real data from the source, and the gateway's real error bodies, fit the documented schemas with no field missing or extra", () => {
		const data = normaliseOpenFootball(readOpenFootballDir(join(ROOT, "data", "openfootball")));
		const page = <T>(rows: T[]) => ({ rows, page: 1, pageSize: rows.length, total: rows.length, totalPages: 1 });
		const matches = data.matches.map(toV4Match);
		const v2 = { filters: { competition: "WC", season: 2022 }, resultSet: { count: matches.length, first: "2022-11-20", last: null, played: 3 }, matches, next: "abc" };
		const validation = new Errors.ValidationError("bad", "VALIDATION_ERROR", [{ type: "numberMax", field: "pageSize", message: "too big" }] as never);
		const samples = [
			{ ref: okSchema("/api/v1/players"), values: [page(data.players)] },
			{ ref: okSchema("/api/v1/teams"), values: [page(data.teams)] },
			{ ref: okSchema("/api/v1/competitions"), values: [page(data.competitions)] },
			{ ref: okSchema("/api/v1/results"), values: [page(data.matches)] },
			{ ref: okSchema("/api/v2/results"), values: [v2, { ...v2, matches: [], next: null }] },
			{ ref: okSchema("/api/v1/standings"), values: [page([...computeStandings(data.matches).values()])] },
			{ ref: errorSchema("ValidationError"), values: [toHttpError(validation).body] },
			{ ref: errorSchema("ServiceUnavailable"), values: [toHttpError(new Errors.ServiceNotAvailableError({ action: "v1.players.list" })).body] },
			{ ref: errorSchema("Timeout"), values: [toHttpError(new Errors.RequestTimeoutError({ action: "v1.results.list", nodeID: "n" })).body] },
		];
		expect(data.players.length).toBeGreaterThan(100);
		expect(check(doc, samples).failures).toEqual([]);
		// The same check refuses a row with a field the schema does not know, and one without a required field.
		const { team: _team, ...withoutTeam } = data.players[0];
		const wrong = [{ ref: okSchema("/api/v1/players"), values: [page([{ ...data.players[0], shoeSize: 44 }]), page([withoutTeam])] }];
		expect(check(doc, wrong).failures).toEqual([expect.stringMatching(/additional properties/), expect.stringMatching(/must have required property 'team'/)]);
	});
});

/** Just enough of the DOM for the page's script: elements, attributes, text and listeners. */
class FakeElement {
	children: Array<FakeElement | string> = [];
	attributes: Record<string, string> = {};
	listeners: Record<string, (event: unknown) => void> = {};
	textContent = "";
	hidden = false;
	value = "";
	constructor(readonly tagName: string) {}
	get name(): string {
		return this.attributes.name ?? "";
	}
	get elements(): FakeElement[] {
		return this.all().filter(node => node.name);
	}
	setAttribute(name: string, value: string): void {
		this.attributes[name] = value;
	}
	append(...nodes: Array<FakeElement | string>): void {
		this.children.push(...nodes);
	}
	addEventListener(type: string, listener: (event: unknown) => void): void {
		this.listeners[type] = listener;
	}
	all(): FakeElement[] {
		return this.children.flatMap(child => (typeof child === "string" ? [] : [child, ...child.all()]));
	}
	text(): string {
		return this.textContent + this.children.map(child => (typeof child === "string" ? child : child.text())).join("");
	}
}

describe("docsPage", () => {
	const html = docsPage(OPENAPI_PATH);
	const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? "";

	test("is one accessible page that loads nothing from another origin", () => {
		expect(html).toMatch(/^<!doctype html>\s*<html lang="en">/);
		expect(html).toContain('<meta name="viewport"');
		expect(html).not.toMatch(/https?:\/\//);
		expect(html).not.toMatch(/<script[^>]*\ssrc=|<link\b|@import|url\(/i);
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(script).not.toMatch(/\beval\(|new Function|innerHTML/);
		expect(() => new Script(script)).not.toThrow();
	});

	test("takes only a path on this origin, and cannot be broken out of by it", () => {
		for (const url of ["https://evil.example/openapi.json", "//evil.example/openapi.json", "/\\evil.example", "openapi.json"]) {
			expect(() => docsPage(url)).toThrow(/path on this origin/);
		}
		expect(docsPage("/x</script><script>alert(1)</script>").match(/<\/script>/g)).toHaveLength(1);
	});

	test("when the spec loads, then it lists every operation with its parameters, marks deprecation, and its form sends the query", async () => {
		const spec = buildOpenApi({ ...BASE, deprecated: ["GET /v1/results"] });
		const ids = ["title", "intro", "status", "toc", "operations"];
		const byId = Object.fromEntries(ids.map(id => [id, new FakeElement("div")]));
		const requests: string[] = [];
		const fakeFetch = async (url: string) => {
			requests.push(url);
			const body = url === OPENAPI_PATH ? spec : { rows: [] };
			return { ok: true, status: 200, statusText: "OK", headers: { get: () => "application/json" }, json: async () => body, text: async () => JSON.stringify(body) };
		};
		const document = { title: "", getElementById: (id: string) => byId[id], createElement: (tag: string) => new FakeElement(tag) };
		runInNewContext(script, { document, fetch: fakeFetch, URLSearchParams });
		await new Promise(resolve => setImmediate(resolve));

		expect(requests).toEqual([OPENAPI_PATH]);
		expect(byId.status.textContent).toBe("9 routes.");
		const toc = byId.toc.children.map(item => (item as FakeElement).text());
		expect(toc).toEqual(expect.arrayContaining(["GET /api/v1/players", "GET /api/v1/results (deprecated)", "GET /metrics"]));
		const sections = byId.operations.children as FakeElement[];
		expect(sections).toHaveLength(9);
		const players = sections.find(section => section.text().includes("/api/v1/players")) as FakeElement;
		expect(players.text()).toContain("pageSize");
		expect(players.text()).toContain("1–100; default 20");
		expect(sections.find(section => section.text().includes("/api/v1/results"))?.text()).toContain("Deprecated");
		expect(players.text()).not.toContain("Deprecated");

		const form = players.all().find(node => node.tagName === "form") as FakeElement;
		const input = (name: string) => form.elements.find(field => field.name === name) as FakeElement;
		expect(input("pageSize").attributes).toMatchObject({ type: "number", min: "1", max: "100" });
		expect(input("position").tagName).toBe("select");
		input("pageSize").value = "5";
		input("q").value = "gün ök";
		form.listeners.submit({ preventDefault: () => undefined });
		await new Promise(resolve => setImmediate(resolve));
		expect(requests[1]).toBe("/api/v1/players?q=g%C3%BCn+%C3%B6k&pageSize=5");
		expect(players.text()).toContain('"rows": []');
	});
});
