// Conformance to the API's own OpenAPI document: requests generated from it (fast-check, from
// each parameter's schema, valid values mostly and some that are not), each answer checked
// against it with a JSON Schema validator (Ajv, 2020-12, as OpenAPI 3.1 uses): no 5xx, no
// status the operation does not document, no body outside the schema of its status, no header
// outside those documented and HTTP's own. Bounded: a fixed number of runs per operation, with
// a fixed seed, so that a failure replays.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { SECURITY_HEADERS } from "../../services/api/http/security";
import { eventually, getJson, type NodeProcess, startEmbedded } from "../support/cluster";

jest.setTimeout(300_000);

const RUNS_PER_OPERATION = 60;
const SEED = 20261203;

/** Headers HTTP itself and the gateway's security policy send, documented or not. */
const HTTP_HEADERS = new Set(
	[
		"content-type",
		"content-length",
		"content-encoding",
		"date",
		"connection",
		"keep-alive",
		"vary",
		"transfer-encoding",
		...Object.keys(SECURITY_HEADERS),
		"x-request-id",
	].map(name => name.toLowerCase()),
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

let node: NodeProcess;
let base: string;
let doc: Loose;

beforeAll(async () => {
	const embedded = await startEmbedded("conformance", { RATE_LIMIT: "0" });
	node = embedded.node;
	base = `http://127.0.0.1:${embedded.port}`;
	await eventually(
		async () =>
			(await getJson<{ total?: number }>(`${base}/api/v1/results?pageSize=1`)).body.total ===
			3861
				? true
				: undefined,
		60_000,
		"every match",
	);
	doc = (await getJson(`${base}/api/openapi.json`)).body;
});

afterAll(() => node?.stop());

/** A value for a parameter: mostly one its schema allows, now and then text it does not. */
function valueOf(schema: Loose, example: unknown): fc.Arbitrary<string> {
	const valid: fc.Arbitrary<string>[] = [];
	if (example !== undefined) valid.push(fc.constant(String(example)));
	if (schema.enum) valid.push(fc.constantFrom(...schema.enum.map(String)));
	else if (schema.type === "integer")
		valid.push(
			fc
				.integer({ min: schema.minimum ?? -5, max: Math.min(schema.maximum ?? 3000, 3000) })
				.map(String),
		);
	else if (schema.pattern)
		valid.push(
			fc
				.stringMatching(new RegExp(schema.pattern))
				.filter(
					text =>
						text.length <= (schema.maxLength ?? 200) &&
						text.length >= (schema.minLength ?? 0),
				),
		);
	else
		valid.push(
			fc.string({
				minLength: schema.minLength ?? 0,
				maxLength: Math.min(schema.maxLength ?? 50, 50),
			}),
		);
	const invalid = fc.oneof(
		fc.string({ maxLength: 20 }),
		fc.constantFrom("", "1e1", "-1", "😀", "%", "NaN"),
	);
	return fc.oneof(
		{ arbitrary: fc.oneof(...valid), weight: 4 },
		{ arbitrary: invalid, weight: 1 },
	);
}

/** A request for an operation: its path filled in, and some of its query parameters. */
function requestOf(path: string, operation: Loose): fc.Arbitrary<string> {
	const parameters: Loose[] = operation.parameters ?? [];
	const inPath = parameters.filter(p => p.in === "path");
	const inQuery = parameters.filter(p => p.in === "query");
	// An empty path parameter would make another route's URL (`/api/v1/competitions/` is the list).
	const pathValues = fc.tuple(
		...inPath.map(p => valueOf(p.schema, p.example).filter(value => value.length > 0)),
	);
	const queryValues: fc.Arbitrary<Record<string, string>> = fc.record(
		Object.fromEntries(inQuery.map(p => [p.name, valueOf(p.schema, p.example)])) as Loose,
		{ requiredKeys: inQuery.filter(p => p.required).map(p => p.name) as Loose },
	);
	return fc.tuple(pathValues, queryValues).map(([values, query]) => {
		let filled = path;
		inPath.forEach(
			(p, i) => (filled = filled.replace(`{${p.name}}`, encodeURIComponent(values[i]))),
		);
		const search = new URLSearchParams(query as Record<string, string>).toString();
		return search ? `${filled}?${search}` : filled;
	});
}

/** The response an operation documents for a status, its `$ref` followed. */
function documented(operation: Loose, status: number): Loose | undefined {
	const response = operation.responses[String(status)] ?? operation.responses.default;
	if (!response?.$ref) return response;
	return doc.components.responses[response.$ref.split("/").pop()];
}

test("every answer to requests generated from the OpenAPI document is documented by it", async () => {
	const ajv = new Ajv2020({ strict: false, allErrors: false });
	addFormats(ajv);
	ajv.addSchema({ ...doc, $id: "openapi" });
	// JSON answers; the live stream (text/event-stream, never ending) has a suite of its own.
	const operations = Object.entries(doc.paths as Record<string, Loose>).filter(
		([path, item]) =>
			item.get &&
			path.startsWith("/api/v") &&
			item.get.responses["200"]?.content?.["application/json"],
	);
	expect(operations.length).toBeGreaterThan(10);
	const statuses = new Map<number, number>();
	for (const [path, item] of operations) {
		const pointer = `openapi#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/get/responses`;
		await fc.assert(
			fc.asyncProperty(requestOf(path, item.get), async url => {
				const res = await fetch(`${base}${url}`);
				const text = await res.text();
				statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
				const response = documented(item.get, res.status);
				expect({ url, status: res.status, documented: response !== undefined }).toEqual({
					url,
					status: res.status,
					documented: true,
				});
				expect(res.status).toBeLessThan(500);
				// A route's own headers (Deprecation, Link, RateLimit-*) come with every status of it.
				const allowed = new Set([
					...HTTP_HEADERS,
					...Object.keys(response.headers ?? {}).map(name => name.toLowerCase()),
					...Object.keys(item.get.responses["200"].headers ?? {}).map(name =>
						name.toLowerCase(),
					),
				]);
				const extra = [...res.headers.keys()].filter(name => !allowed.has(name));
				expect({ url, extra }).toEqual({ url, extra: [] });
				const key = item.get.responses[String(res.status)] ? String(res.status) : "default";
				const ref = item.get.responses[key].$ref;
				const schemaPointer = ref
					? `openapi#/components/responses/${ref.split("/").pop()}/content/application~1json/schema`
					: `${pointer}/${key}/content/application~1json/schema`;
				if (!response.content) return;
				const validate =
					ajv.getSchema(schemaPointer) ?? ajv.compile({ $ref: schemaPointer });
				const body = JSON.parse(text);
				const valid = validate(body);
				expect({ url, status: res.status, errors: valid ? [] : validate.errors }).toEqual({
					url,
					status: res.status,
					errors: [],
				});
			}),
			{ numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
		);
	}
	// The generated requests reached both the answers and the refusals.
	expect(statuses.get(200)).toBeGreaterThan(operations.length * 10);
	expect(statuses.get(422)).toBeGreaterThan(10);
});
