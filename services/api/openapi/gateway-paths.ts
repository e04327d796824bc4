// The parts of the OpenAPI document that belong to the gateway itself, not to a service: its
// health and metrics endpoints, the admin route, and the error shape and responses every route shares.
import { int, type JsonSchema, nullableStr, object, ref, str } from "../../../contracts";
import { compact } from "./params";

type Paths = Record<string, Record<string, JsonSchema>>;

export const response = (name: string): JsonSchema => ({ $ref: `#/components/responses/${name}` });
export const json = (schema: JsonSchema): JsonSchema => ({ "application/json": { schema } });

const retryAfter = {
	"Retry-After": {
		description: "Seconds to wait before retrying.",
		schema: { type: "integer", minimum: 0 },
	},
};

function healthOperation(
	operationId: string,
	summary: string,
	body: JsonSchema,
	otherResponses: JsonSchema = {},
): JsonSchema {
	return {
		operationId,
		summary,
		tags: ["operations"],
		responses: { "200": { description: summary, content: json(body) }, ...otherResponses },
	};
}

function healthBody(states: string[], extra: Record<string, unknown> = {}): JsonSchema {
	return {
		type: "object",
		required: ["status"],
		properties: { status: { type: "string", enum: states }, ...extra },
	};
}

/** Health and metrics, for orchestrators and monitoring. */
export function operationsPaths(): Paths {
	const services = {
		type: "object",
		description: "Each service the routes need: has it a running node?",
		additionalProperties: { type: "boolean" },
	};
	// Not ready: an orchestrator should send traffic elsewhere; the body says which service is missing.
	const notReady = {
		"503": {
			description: "Not ready.",
			headers: retryAfter,
			content: json(healthBody(["not ready"], { services })),
		},
	};
	const ready = healthOperation(
		"healthReady",
		"The gateway and the services behind it are ready to serve.",
		healthBody(["ready"], { services }),
		notReady,
	);
	return {
		"/health/live": {
			get: healthOperation("healthLive", "The process is running.", healthBody(["live"])),
		},
		"/health/ready": { get: ready },
		"/metrics": {
			get: {
				operationId: "metrics",
				summary: "Metrics in the Prometheus text format.",
				tags: ["operations"],
				responses: {
					"200": {
						description: "The metrics.",
						content: { "text/plain": { schema: { type: "string" } } },
					},
				},
			},
		},
	};
}

const API_KEY_RECORD = object({
	id: { ...str, description: "What the key is listed and revoked by (not the key)." },
	name: { ...str, description: "Who the key is for." },
	limit: { ...int, description: "Requests per window; 0 is unlimited." },
	createdAt: { ...str, format: "date-time" },
});

const adminOperation = (operation: JsonSchema, responses: JsonSchema): JsonSchema => ({
	...operation,
	tags: ["admin"],
	security: [{ adminToken: [] }],
	responses: {
		...responses,
		"401": response("Unauthorized"),
		"429": response("TooManyRequests"),
		"503": response("ServiceUnavailable"),
	},
});

/** The API keys of clients: made, listed and revoked by operators. */
function keyPaths(prefix: string): Paths {
	return {
		[`${prefix}/admin/keys`]: {
			post: adminOperation(
				{
					operationId: "adminCreateKey",
					summary:
						"Make an API key for a client; the answer is the only place the key is shown.",
					requestBody: {
						required: true,
						content: json(
							object(
								{
									name: { ...str, minLength: 1, maxLength: 100 },
									limit: { ...int, minimum: 0, maximum: 1_000_000 },
								},
								["limit"],
							),
						),
					},
				},
				{
					"201": {
						description: "The key, with its record. Send it as `X-Auth-Token`.",
						content: json({
							...API_KEY_RECORD,
							properties: { ...(API_KEY_RECORD.properties as object), key: str },
							required: [...(API_KEY_RECORD.required as string[]), "key"],
						}),
					},
					"422": response("ValidationError"),
				},
			),
			get: adminOperation(
				{
					operationId: "adminListKeys",
					summary: "List the API keys (never the keys themselves).",
				},
				{
					"200": {
						description: "Every key's record, oldest first.",
						content: json(object({ keys: { type: "array", items: API_KEY_RECORD } })),
					},
				},
			),
		},
		[`${prefix}/admin/keys/{id}`]: {
			delete: adminOperation(
				{
					operationId: "adminRevokeKey",
					summary: "Revoke an API key: every gateway refuses it from the next request.",
					parameters: [{ name: "id", in: "path", required: true, schema: str }],
				},
				{ "204": { description: "Revoked." }, "404": response("NotFound") },
			),
		},
	};
}

/** The admin routes: documented only where the gateway has an admin token. */
export function adminPaths(prefix: string): Paths {
	return {
		...keyPaths(prefix),
		[`${prefix}/admin/sync`]: {
			post: {
				operationId: "adminSync",
				summary: "Ask sync to re-read its source now.",
				tags: ["admin"],
				security: [{ adminToken: [] }],
				responses: {
					"202": {
						description:
							"The request was accepted; sync works on it in the background.",
						content: json({
							type: "object",
							required: ["status"],
							properties: {
								status: { const: "accepted" },
								requestId: {
									...nullableStr,
									description: "Quote it when asking about this request.",
								},
							},
						}),
					},
					"401": response("Unauthorized"),
					"429": response("TooManyRequests"),
				},
			},
		},
	};
}

/** The one error shape of every route (services/api/http/errors.ts). */
export const ERROR_SCHEMA: JsonSchema = object({
	error: object(
		{
			status: { type: "integer", description: "The HTTP status, repeated." },
			type: {
				type: "string",
				description: "A SCREAMING_SNAKE code, e.g. `VALIDATION_ERROR`.",
			},
			message: str,
			fields: {
				type: "array",
				description: "One entry per bad parameter.",
				items: object({ field: str, message: str }),
			},
		},
		["fields"],
	),
});

const errorResponse = (description: string, headers?: JsonSchema) =>
	compact({ description, headers, content: json(ref("Error")) });

const header = (description: string, schema: JsonSchema = str) => ({ description, schema });

/** Headers of every answer of a public route (http/cached-answers.ts, http/gateway-access.ts). */
export const ANSWER_HEADERS: Record<string, JsonSchema> = {
	ETag: header("A strong validator of this answer's bytes; send it back in `If-None-Match`."),
	"Cache-Control": header("How long clients and proxies may keep the answer."),
	"X-Cache": header("`HIT` when the gateway answered from its cache, `MISS` when it asked."),
	"X-Request-ID": header("The request's id, in every log line it causes."),
	"RateLimit-Limit": header("Requests allowed per window.", int),
	"RateLimit-Remaining": header("Requests left in this window.", int),
	"RateLimit-Reset": header("Seconds until the window resets.", int),
	"RateLimit-Policy": header("The limit and its window, e.g. `600;w=60`."),
	Deprecation: header("`true` on a route its service has deprecated."),
	Link: header('The successor of a deprecated route (`rel="successor-version"`).'),
};

/** The answer to a revalidation that names the current ETag. */
export const NOT_MODIFIED: JsonSchema = {
	description: "Not modified: `If-None-Match` names this answer's ETag; there is no body.",
	headers: {
		ETag: ANSWER_HEADERS.ETag,
		"Cache-Control": ANSWER_HEADERS["Cache-Control"],
		"X-Cache": ANSWER_HEADERS["X-Cache"],
		"X-Request-ID": ANSWER_HEADERS["X-Request-ID"],
	},
};

export const ERROR_RESPONSES: Record<string, JsonSchema> = {
	ValidationError: errorResponse(
		"A parameter is not valid, or not known to this route (named in `fields`).",
	),
	NotFound: errorResponse("No such route."),
	TooManyRequests: errorResponse(
		"Too many requests in this window: of this API key, or without one of this address; wait as `Retry-After` says.",
		{
			...retryAfter,
			"RateLimit-Limit": { description: "Requests allowed per window.", schema: int },
			"RateLimit-Remaining": { description: "Requests left in this window.", schema: int },
			"RateLimit-Reset": { description: "Seconds until the window resets.", schema: int },
		},
	),
	ServiceUnavailable: errorResponse(
		"The service behind this route has no running node right now.",
		retryAfter,
	),
	Timeout: errorResponse("The service did not answer in time."),
	Unauthorized: errorResponse("No bearer token, or not the right one.", {
		"WWW-Authenticate": { description: "The scheme to use: Bearer.", schema: str },
	}),
	InvalidApiKey: errorResponse(
		"`X-Auth-Token` holds no valid API key (unknown or revoked); send a valid key, or none for the anonymous limit.",
	),
};
