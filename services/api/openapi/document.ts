// The OpenAPI 3.1 document of the public HTTP API, built at run time from the routes the gateway
// has learnt from the registry: each route's query parameters come from its action's params
// schema (the one the validator enforces), its answer from the schema the action documents.
import type { JsonSchema } from "../../../contracts";
import { API_PREFIX, type PublicRoute } from "../http/public-routes";
import {
	adminPaths,
	ERROR_RESPONSES,
	ERROR_SCHEMA,
	json,
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
}

export interface OpenApiDocument {
	openapi: "3.1.0";
	info: { title: string; version: string; description: string };
	servers?: Array<{ url: string }>;
	tags: Array<{ name: string; description: string }>;
	paths: Record<string, Record<string, JsonSchema>>;
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
	const verb = parts[parts.length - 1];
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
		parameters: queryParameters(route.params, route.doc?.params),
		responses: {
			"200": { description: "The result.", content: json(route.doc?.result ?? {}) },
			"404": response("NotFound"),
			"422": response("ValidationError"),
			"429": response("TooManyRequests"),
			"503": response("ServiceUnavailable"),
			"504": response("Timeout"),
		},
	});
}

/** The named schemas every route refers to, merged; the first of two different ones under one name is kept. */
function componentSchemas(options: OpenApiOptions): Record<string, JsonSchema> {
	const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
	for (const route of options.routes) {
		for (const [name, schema] of Object.entries(route.doc?.components ?? {})) {
			if (!(name in schemas)) schemas[name] = schema;
			else if (JSON.stringify(schemas[name]) !== JSON.stringify(schema))
				options.onConflict?.(name, route.action);
		}
	}
	return schemas;
}

function routePaths(options: OpenApiOptions): Record<string, Record<string, JsonSchema>> {
	const paths: Record<string, Record<string, JsonSchema>> = {};
	for (const route of options.routes) {
		const deprecated = route.doc?.deprecated !== undefined;
		const path = openApiPath(route.path);
		paths[path] = {
			...paths[path],
			[route.method.toLowerCase()]: routeOperation(route, deprecated),
		};
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
	const paths = {
		...routePaths(options),
		...operationsPaths(),
		...(options.admin ? adminPaths(API_PREFIX) : {}),
	};
	const components: Record<string, Record<string, JsonSchema>> = {
		schemas: componentSchemas(options),
		responses: ERROR_RESPONSES,
	};
	if (options.admin)
		components.securitySchemes = {
			adminToken: {
				type: "http",
				scheme: "bearer",
				description: "The gateway's ADMIN_TOKEN.",
			},
		};
	// A copy, so that a caller changing its document cannot change the next one.
	return structuredClone({
		openapi: "3.1.0",
		info: {
			title: "matchday",
			version: options.version,
			description:
				"Football data: players, competitions, teams, match results and league tables. Every error has one shape: `{ error: { status, type, message, fields? } }`.",
		},
		...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
		tags: tagsOf(paths),
		paths,
		components,
	});
}
