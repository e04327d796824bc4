// The API docs page as the gateway serves it (services/api/docs/public): its own files, nothing inline or from another origin, and its script run against a fake DOM.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { DOCS_DIR, DOCS_FILES } from "../../../../../services/api/docs/files";

const read = (name: string) => readFileSync(join(DOCS_DIR, name), "utf8");
const HTML = read("index.html");
const SCRIPT = read("docs.js");
const STYLE = read("docs.css");

/** Just enough of the DOM for the page's script: elements, attributes, text and listeners. */
class FakeElement {
	children: Array<FakeElement | string> = [];
	listeners: Record<string, (event: unknown) => void> = {};
	textContent = "";
	hidden = false;
	value = "";
	constructor(
		readonly tagName: string,
		readonly attributes: Record<string, string> = {},
	) {}
	get name(): string {
		return this.attributes.name ?? "";
	}
	get elements(): FakeElement[] {
		return this.all().filter(node => node.name);
	}
	setAttribute(name: string, value: string): void {
		this.attributes[name] = value;
	}
	getAttribute(name: string): string | null {
		return this.attributes[name] ?? null;
	}
	append(...nodes: Array<FakeElement | string>): void {
		this.children.push(...nodes);
	}
	addEventListener(type: string, listener: (event: unknown) => void): void {
		this.listeners[type] = listener;
	}
	all(): FakeElement[] {
		return this.children.flatMap(child =>
			typeof child === "string" ? [] : [child, ...child.all()],
		);
	}
	text(): string {
		return (
			this.textContent +
			this.children.map(child => (typeof child === "string" ? child : child.text())).join("")
		);
	}
}

/** The elements of index.html that have an id, with their attributes: what the script can find. */
function elementsWithIds(html: string): Record<string, FakeElement> {
	const found: Record<string, FakeElement> = {};
	for (const [, tag, attributeText] of html.matchAll(/<(\w+)\b([^>]*)>/g)) {
		const attributes = Object.fromEntries(
			[...attributeText.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [
				name,
				value,
			]),
		);
		if (attributes.id) found[attributes.id] = new FakeElement(tag, attributes);
	}
	return found;
}

interface FakeResponse {
	ok: boolean;
	status: number;
	statusText: string;
	headers: { get(name: string): string | null };
	json(): Promise<unknown>;
	text(): Promise<string>;
}

const answer = (body: unknown, status = 200): FakeResponse => ({
	ok: status < 400,
	status,
	statusText: status < 400 ? "OK" : "Service Unavailable",
	headers: { get: () => "application/json; charset=utf-8" },
	json: async () => body,
	text: async () => JSON.stringify(body),
});

/** What docs.js exports, for the tests of its pure parts. */
interface DocsModule {
	tryUrl(path: string, fields: Iterable<{ name: string; value: string }>): string;
	constraintsOf(schema: Record<string, unknown>): string;
	typeOf(schema: Record<string, unknown>): string;
}

// Jest runs CommonJS and transforms only the dashboard's browser modules: the docs module is
// compiled here the same way, and made a function of this test's realm (so that its Errors are
// the test's), called with the fake document and fetch in place of the browser's.
const COMPILED = ts.transpileModule(SCRIPT, {
	compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
}).outputText;
const runModule = new Function(
	"exports",
	"document",
	"fetch",
	`${COMPILED}\n//# sourceURL=docs.js`,
) as (exports: object, document: unknown, fetch: (url: string) => Promise<FakeResponse>) => void;

/** Loads the page: index.html's elements, then its script, as a browser would; `respond` answers every request. */
async function openPage(respond: (url: string) => Promise<FakeResponse>) {
	const byId = elementsWithIds(HTML);
	const requests: string[] = [];
	const document = {
		title: "",
		getElementById: (id: string) => byId[id] ?? null,
		createElement: (tag: string) => new FakeElement(tag),
	};
	const exports = {} as DocsModule;
	runModule(exports, document, url => {
		requests.push(url);
		return respond(url);
	});
	await settle();
	return { byId, requests, document, exports };
}

const settle = () => new Promise(resolve => setImmediate(resolve));

/** Where the gateway serves the OpenAPI document, which the page names. */
const OPENAPI_PATH = "/api/openapi.json";

// A document of the gateway's shape (query parameters with their schemas, responses by $ref, a
// deprecated route, an admin route with a bearer token), written here rather than built by the
// gateway's builder: these tests are about the page, which must render any such document.
const SPEC = {
	openapi: "3.1.0",
	info: { title: "matchday", version: "1.2.3", description: "Football data." },
	paths: {
		"/api/v1/players": {
			get: {
				summary: "Players, filtered and paged.",
				parameters: [
					{
						name: "q",
						in: "query",
						description: "Part of the name.",
						schema: { type: "string", minLength: 2, maxLength: 80 },
					},
					{
						name: "position",
						in: "query",
						schema: { type: "string", enum: ["Goalkeeper", "Defence"] },
					},
					{
						name: "pageSize",
						in: "query",
						schema: { type: "integer", minimum: 1, maximum: 100, default: 20 },
					},
					{ $ref: "#/components/parameters/Page" },
				],
				responses: {
					"200": { description: "A page of players." },
					"422": { $ref: "#/components/responses/Invalid" },
				},
			},
		},
		"/api/v1/results": {
			get: {
				deprecated: true,
				parameters: [
					{ name: "from", in: "query", schema: { type: "string", format: "date" } },
				],
				responses: { "200": { description: "Results." } },
			},
		},
		"/api/v1/teams": {
			get: {
				responses: {
					"200": { $ref: "#/paths/~1api~1v1~1results/get/responses/200" },
					"404": { $ref: "#/components/responses/Not~0found" },
				},
			},
		},
		"/metrics": { get: { responses: { "200": { description: "Prometheus text." } } } },
		"/admin/sync": {
			post: {
				security: [{ adminToken: [] }],
				responses: { "202": { description: "Started." } },
			},
		},
	},
	components: {
		parameters: {
			Page: {
				name: "page",
				in: "query",
				required: true,
				schema: { type: "integer", minimum: 1 },
			},
		},
		responses: {
			Invalid: { description: "The parameters broke a rule." },
			"Not~found": { description: "No such thing." },
		},
	},
};
const OPERATIONS = 5;

describe("the docs page's files", () => {
	test("the folder serves the page, its script and its style, each with its type", () => {
		expect(DOCS_FILES.names().sort()).toEqual(["docs.css", "docs.js", "index.html"]);
		expect(DOCS_FILES.index).toBe("index.html");
		expect(DOCS_FILES.get("index.html")?.contentType).toBe("text/html; charset=utf-8");
		expect(DOCS_FILES.get("docs.js")?.contentType).toBe("text/javascript; charset=utf-8");
		expect(DOCS_FILES.get("docs.css")?.contentType).toBe("text/css; charset=utf-8");
	});

	test("the page is accessible HTML whose script and style are its own files: nothing inline, nothing from another origin", () => {
		expect(HTML).toMatch(/^<!doctype html>\s*<html lang="en">/);
		expect(HTML).toContain('<meta name="viewport"');
		for (const text of [HTML, SCRIPT, STYLE]) expect(text).not.toMatch(/\w+:\/\//);
		// The strict CSP refuses inline scripts, <style> elements, style attributes and handler attributes.
		expect(HTML.match(/<script\b[^>]*>[^<]*<\/script>/g)).toEqual([
			'<script type="module" src="/api/docs/docs.js"></script>',
		]);
		expect(HTML).not.toMatch(/<style\b|\sstyle=|\son\w+=/i);
		const urls = [...HTML.matchAll(/\s(?:src|href|data-openapi)="([^"]*)"/g)]
			.map(([, url]) => url)
			.sort();
		// An empty icon (img-src allows data:) spares every visit a request for /favicon.ico, a 404.
		expect(urls).toEqual([
			"/api/docs/docs.css",
			"/api/docs/docs.js",
			OPENAPI_PATH,
			OPENAPI_PATH,
			"data:,",
		]);
		expect(STYLE).not.toMatch(/@import|url\(/i);
	});

	test("the script writes no style and parses or evaluates nothing (the CSP would refuse it, or it would open a way in)", () => {
		expect(SCRIPT).not.toMatch(
			/\.style\b|["']style["']|\beval\(|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|\bimport\(/,
		);
		expect(SCRIPT).toMatch(/^\/\/ @ts-check\n/);
	});
});

describe("the docs page's script", () => {
	test("when the document loads, then it lists every operation with its parameters, marks deprecation, and a form sends the query", async () => {
		const { byId, requests, document } = await openPage(async url =>
			answer(url === OPENAPI_PATH ? SPEC : { rows: [] }),
		);

		expect(requests).toEqual([OPENAPI_PATH]);
		expect(document.title).toBe("matchday 1.2.3 — API documentation");
		expect(byId.title.textContent).toBe("matchday 1.2.3");
		expect(byId.intro.textContent).toBe("Football data.");
		expect(byId.status.textContent).toBe(`${OPERATIONS} routes.`);
		const toc = byId.toc.children.map(item => (item as FakeElement).text());
		expect(toc).toEqual([
			"GET /api/v1/players",
			"GET /api/v1/results (deprecated)",
			"GET /api/v1/teams",
			"GET /metrics",
			"POST /admin/sync",
		]);
		expect(
			byId.toc
				.all()
				.filter(node => node.tagName === "a")
				.map(link => link.attributes.href),
		).toEqual(["#op-0", "#op-1", "#op-2", "#op-3", "#op-4"]);
		const sections = byId.operations.children as FakeElement[];
		expect(sections).toHaveLength(OPERATIONS);
		const players = sections.find(section =>
			section.text().includes("/api/v1/players"),
		) as FakeElement;
		const rows = players
			.all()
			.filter(node => node.tagName === "tr")
			.map(row => row.children.map(cell => (cell as FakeElement).text()));
		expect(rows).toEqual([
			["Name", "Type", "Constraints", "Required", "Description"],
			["q", "string", "length 2–80", "no", "Part of the name."],
			["position", "string", "one of Goalkeeper, Defence", "no", ""],
			["pageSize", "integer", "1–100; default 20", "no", ""],
			["page", "integer", "≥ 1", "yes", ""],
		]);
		// Responses by $ref are described by what they point at, also through pointers with escapes (~1 for /, ~0 for ~).
		expect(players.text()).toContain("422 The parameters broke a rule.");
		expect(
			sections[2]
				.all()
				.filter(node => node.tagName === "li")
				.map(item => item.text()),
		).toEqual(["200 Results.", "404 No such thing."]);
		expect(sections[1].text()).toContain("Deprecated");
		expect(sections[1].all().find(node => node.name === "from")?.attributes.type).toBe("date");
		expect(players.text()).not.toContain("Deprecated");
		// Only GET routes get a form; a route that needs the token says so.
		expect(sections[4].all().some(node => node.tagName === "form")).toBe(false);
		expect(sections[4].text()).toContain("Needs a bearer token");

		const form = players.all().find(node => node.tagName === "form") as FakeElement;
		const input = (name: string) =>
			form.elements.find(field => field.name === name) as FakeElement;
		expect(input("pageSize").attributes).toMatchObject({
			type: "number",
			min: "1",
			max: "100",
		});
		expect(input("position").tagName).toBe("select");
		expect(input("page").tagName).toBe("input");
		input("pageSize").value = "5";
		input("q").value = "gün ök";
		form.listeners.submit({ preventDefault: () => undefined });
		await settle();
		expect(requests[1]).toBe("/api/v1/players?q=g%C3%BCn+%C3%B6k&pageSize=5");
		const output = players.all().find(node => node.tagName === "pre") as FakeElement;
		expect(output.hidden).toBe(false);
		expect(output.textContent).toBe('{\n  "rows": []\n}');
		expect(players.text()).toContain(
			"200 OK — GET /api/v1/players?q=g%C3%BCn+%C3%B6k&pageSize=5",
		);
	});

	test("when the document cannot be had, then the page says so as an alert, naming the URL", async () => {
		const { byId } = await openPage(async () => answer({ error: {} }, 503));
		expect(byId.status.attributes.role).toBe("alert");
		expect(byId.status.textContent).toBe(
			`Could not load the API description from ${OPENAPI_PATH}: HTTP 503`,
		);
	});

	test("when a tried route cannot be reached, then the form says why and shows no stale body", async () => {
		const { byId } = await openPage(async url => {
			if (url === OPENAPI_PATH) return answer(SPEC);
			throw new TypeError("Failed to fetch");
		});
		const players = (byId.operations.children as FakeElement[]).find(section =>
			section.text().includes("/api/v1/players"),
		) as FakeElement;
		(players.all().find(node => node.tagName === "form") as FakeElement).listeners.submit({
			preventDefault: () => undefined,
		});
		await settle();
		expect(players.text()).toContain("The request failed: Failed to fetch");
		expect((players.all().find(node => node.tagName === "pre") as FakeElement).hidden).toBe(
			true,
		);
	});

	test("tryUrl: the fields with a value become the query, encoded as a form would; none leaves the path alone", async () => {
		const { exports } = await openPage(async () => answer(SPEC));
		const fields = (pairs: Array<[string, string]>) =>
			pairs.map(([name, value]) => ({ name, value }));
		expect(
			exports.tryUrl(
				"/api/v1/players",
				fields([
					["q", "gün ök"],
					["team", ""],
					["pageSize", "5"],
				]),
			),
		).toBe("/api/v1/players?q=g%C3%BCn+%C3%B6k&pageSize=5");
		expect(
			exports.tryUrl(
				"/api/v1/players",
				fields([
					["q", "a&b=c"],
					["", "button"],
				]),
			),
		).toBe("/api/v1/players?q=a%26b%3Dc");
		expect(exports.tryUrl("/api/v1/players", fields([["q", ""]]))).toBe("/api/v1/players");
	});

	test("constraintsOf and typeOf: a parameter's rules in words", async () => {
		const { exports } = await openPage(async () => answer(SPEC));
		expect(exports.constraintsOf({ enum: ["GK", "DF"] })).toBe("one of GK, DF");
		expect(exports.constraintsOf({ minimum: 1 })).toBe("≥ 1");
		expect(exports.constraintsOf({ minLength: 2, maxLength: 80, pattern: "^[a-z]+$" })).toBe(
			"length 2–80; pattern ^[a-z]+$",
		);
		expect(exports.constraintsOf({})).toBe("—");
		expect(exports.typeOf({ type: "string", format: "date" })).toBe("string (date)");
		expect(exports.typeOf({ type: ["string", "null"] })).toBe("string | null");
		expect(exports.typeOf({})).toBe("any");
	});
});
