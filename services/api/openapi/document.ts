// The OpenAPI 3.1 document of the public HTTP API, built at run time from the routes the gateway
// has learnt from the registry: each route's query parameters come from its action's params
// schema (the one the validator enforces), its answer from the schema the action documents.
import type { JsonSchema } from "../../../contracts";
import { API_PREFIX, type PublicRoute } from "../http/public-routes";
import {
	adminPaths,
	livePaths,
	ANSWER_HEADERS,
	ERROR_RESPONSES,
	ERROR_SCHEMA,
	json,
	NOT_MODIFIED,
	operationsPaths,
	response,
} from "./gateway-paths";
import { compact, queryParameters } from "./params";

/** Where the gateway serves the document, under the API prefix. */
export const OPENAPI_PATH = "/openapi.json";

export interface OpenApiOptions {
	/** The public routes, as the gateway has learnt them. */
	routes: readonly PublicRoute[];
	serverUrl?: string;
	/** The API's version, shown as info.version. */
	version: string;
	/** Document POST /api/admin/sync; only when the gateway has an admin token. */
	admin?: boolean;
	/** Told when two services document different schemas under one name (the first is kept). */
	onConflict?: (name: string, action: string) => void;
	/** Told when a route's declaration cannot be documented (it is left out of the document, not served less). */
	onSkip?: (action: string, reason: string) => void;
}

export interface OpenApiDocument {
	openapi: "3.1.0";
	info: { title: string; version: string; description: string };
	servers?: Array<{ url: string }>;
	tags: Array<{ name: string; description: string }>;
	paths: Record<string, Record<string, JsonSchema>>;
	/** Who may call: here, anyone, with or without an API key. */
	security: Array<Record<string, string[]>>;
	components: Record<string, Record<string, JsonSchema>>;
}

/** `v1.players.list` → `v1PlayersList`. */
function operationIdOf(action: string): string {
	return action
		.split(/[.\-_]/)
		.filter(Boolean)
		.map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1)))
		.join("");
}

/** `v1.players.list` → `List players`, where the action documents no summary of its own. */
function summaryOf(action: string): string {
	const parts = action.split(".");
	const verb = parts[parts.length - 1] || "call";
	return `${verb[0].toUpperCase()}${verb.slice(1)} ${parts.slice(1, -1).join(" ")}`.trim();
}

/** `/v1/players` → tag `v1`. */
function tagOf(path: string): string {
	return /^\/(v\d+)\//.exec(`${path}/`)?.[1] ?? "api";
}

/** `/v1/players/:id` → `/v1/players/{id}`: moleculer-web's path parameters in OpenAPI's words. */
function openApiPath(path: string): string {
	return `${API_PREFIX}${path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`;
}

function routeOperation(route: PublicRoute, deprecated: boolean): JsonSchema {
	return compact({
		operationId: operationIdOf(route.action),
		summary: route.doc?.summary ?? summaryOf(route.action),
		description:
			[
				route.doc?.description,
				route.params.$$strict
					? "An unknown query parameter is refused with a 422 that names it."
					: undefined,
			]
				.filter(Boolean)
				.join(" ") || undefined,
		tags: [tagOf(route.path)],
		deprecated: deprecated || undefined,
		parameters: parametersOf(route),
		responses: {
			"200": {
				description: "The result.",
				headers: ANSWER_HEADERS,
				content: json(route.doc?.result ?? {}),
			},
			"304": NOT_MODIFIED,
			"401": response("InvalidApiKey"),
			"404": response("NotFound"),
			"422": response("ValidationError"),
			"429": response("TooManyRequests"),
			"503": response("ServiceUnavailable"),
			"504": response("Timeout"),
		},
	});
}

/** Plain JSON data, or an error: what a route contributes must survive serialising (no cycles, no BigInt). */
function plain<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** One route's contribution: its operation and its named schemas, or why it cannot be documented. */
interface Documented {
	route: PublicRoute;
	operation: JsonSchema;
	components: Record<string, JsonSchema>;
}

/** Each route documented on its own, so that one declaration that cannot be stops no other. */
function documentRoutes(options: OpenApiOptions): Documented[] {
	const documented: Documented[] = [];
	for (const route of options.routes) {
		try {
			const operation = plain(routeOperation(route, route.doc?.deprecated !== undefined));
			const components = plain(route.doc?.components ?? {});
			if (typeof components !== "object" || components === null || Array.isArray(components))
				throw new Error("components is not an object");
			documented.push({ route, operation, components });
		} catch (err) {
			options.onSkip?.(route.action, (err as Error).message);
		}
	}
	return documented;
}

/** The query parameters, with those the path names (`/v1/teams/:id`) in the path, where OpenAPI wants them. */
function parametersOf(route: PublicRoute): JsonSchema[] {
	const inPath = new Set([...route.path.matchAll(/:([A-Za-z0-9_]+)/g)].map(match => match[1]));
	const examples = route.doc?.examples ?? {};
	return queryParameters(route.params, route.doc?.params).map(parameter => {
		const name = String(parameter.name);
		const example = typeof examples[name] === "string" ? { example: examples[name] } : {};
		return inPath.has(name)
			? { ...parameter, in: "path", required: true, ...example }
			: { ...parameter, ...example };
	});
}

/** The named schemas every route refers to, merged; the first of two different ones under one name is kept. */
function componentSchemas(
	documented: Documented[],
	options: OpenApiOptions,
): Record<string, JsonSchema> {
	const schemas = new Map<string, JsonSchema>([["Error", ERROR_SCHEMA]]);
	for (const { route, components } of documented) {
		for (const [name, schema] of Object.entries(components)) {
			const known = schemas.get(name);
			if (known === undefined) schemas.set(name, schema);
			else if (JSON.stringify(known) !== JSON.stringify(schema))
				options.onConflict?.(name, route.action);
		}
	}
	return Object.fromEntries(schemas);
}

function routePaths(documented: Documented[]): Record<string, Record<string, JsonSchema>> {
	const paths: Record<string, Record<string, JsonSchema>> = {};
	for (const { route, operation } of documented) {
		const path = openApiPath(route.path);
		paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
	}
	return paths;
}

function tagsOf(
	paths: Record<string, Record<string, JsonSchema>>,
): Array<{ name: string; description: string }> {
	const names = new Set(
		Object.values(paths).flatMap(item =>
			Object.values(item).flatMap(op => (op.tags as string[]) ?? []),
		),
	);
	const described: Record<string, string> = {
		v2: "Version 2: football-data.org v4's shapes and cursor paging.",
		operations: "Health and metrics, for orchestrators and monitoring.",
		admin: "Operator actions; need the admin bearer token.",
		live: "Matches as they are played, pushed as Server-Sent Events.",
	};
	const versionOf = (name: string) => /^v(\d+)$/.exec(name)?.[1];
	return [...names].sort().map(name => ({
		name,
		description:
			described[name] ?? (versionOf(name) ? `Version ${versionOf(name)}.` : "Routes."),
	}));
}

/** Builds the OpenAPI 3.1 document of the gateway: its routes, health, metrics and, if asked, the admin route. */
export function buildOpenApi(options: OpenApiOptions): OpenApiDocument {
	const documented = documentRoutes(options);
	const paths = {
		...routePaths(documented),
		...operationsPaths(),
		...livePaths(API_PREFIX),
		...(options.admin ? adminPaths(API_PREFIX) : {}),
	};
	const components: Record<string, Record<string, JsonSchema>> = {
		schemas: componentSchemas(documented, options),
		responses: ERROR_RESPONSES,
	};
	components.securitySchemes = {
		apiKey: {
			type: "apiKey",
			in: "header",
			name: "X-Auth-Token",
			description:
				"Optional: a key of your own has its own, higher limit. Without one, requests count against the anonymous limit of your address.",
		},
		...(options.admin
			? {
					adminToken: {
						type: "http",
						scheme: "bearer",
						description: "The gateway's ADMIN_TOKEN.",
					},
				}
			: {}),
	};
	// A copy, so that a caller changing its document cannot change the next one.
	return plain({
		openapi: "3.1.0",
		info: {
			title: "matchday",
			version: options.version,
			description:
				"Football data: players, competitions, teams, match results and league tables. Every error has one shape: `{ error: { status, type, message, fields? } }`.",
		},
		...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
		tags: tagsOf(paths),
		// A key is optional everywhere: no requirement ({}) or the key.
		security: [{}, { apiKey: [] as string[] }] as Array<Record<string, string[]>>,
		paths,
		components,
	});
}
