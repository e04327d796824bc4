// The parts of the OpenAPI document that belong to the gateway itself, not to a service: its
// health and metrics endpoints, the admin route, and the error shape and responses every route shares.
import { int, type JsonSchema, nullableStr, object, ref, str } from "../../../contracts";
import { LIVE_EVENT_TYPES } from "../../../domain/live";
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

/** The live write path: one match event for v1.ingest. */
function matchEventPaths(prefix: string): Paths {
	return {
		[`${prefix}/admin/matches/{match}/events`]: {
			post: adminOperation(
				{
					operationId: "adminPostMatchEvent",
					summary: "Record one event of a match that is being played.",
					description:
						"Checked against the match's events so far (no goal before kick-off or after full time, no team that is not in the match: 422 with the reason), journalled, and folded into the match by sync. The same event `id` again is the same event: answered as before, recorded once. `team` is HOME, AWAY or one of the two teams' ids: the team a goal (an own goal too) or a shoot-out kick counts for.",
					parameters: [
						{
							name: "match",
							in: "path",
							required: true,
							schema: { type: "string", pattern: "^[a-z0-9-]+$" },
							example: "wc-2022-final-argentina-france",
						},
					],
					requestBody: {
						required: true,
						content: json(
							object(
								{
									id: {
										type: "string",
										pattern: "^[A-Za-z0-9._:-]+$",
										minLength: 1,
										maxLength: 100,
									},
									type: { type: "string", enum: [...LIVE_EVENT_TYPES] },
									minute: { ...int, minimum: 0, maximum: 150 },
									injuryTime: { ...int, minimum: 0, maximum: 30 },
									team: { type: "string", minLength: 1, maxLength: 120 },
									scorer: { type: "string", minLength: 1, maxLength: 100 },
									penalty: { type: "boolean" },
									ownGoal: { type: "boolean" },
									scored: { type: "boolean" },
								},
								[
									"minute",
									"injuryTime",
									"team",
									"scorer",
									"penalty",
									"ownGoal",
									"scored",
								],
							),
						),
					},
				},
				{
					"202": {
						description:
							"Recorded (or recorded before: `duplicate`), with its place in the journal.",
						content: json(
							object({
								status: { const: "accepted" },
								match: str,
								event: str,
								seq: { ...int, description: "Its place in the whole journal." },
								place: {
									...int,
									description: "Its place among the match's events.",
								},
								duplicate: { type: "boolean" },
							}),
						),
					},
					"404": response("NotFound"),
					"422": response("ValidationError"),
				},
			),
		},
	};
}

/** The live stream, served by the gateway itself (routes/live-route.ts). */
export function livePaths(prefix: string): Paths {
	const filter = (name: string, description: string) => ({
		name,
		in: "query",
		required: false,
		description,
		schema: { type: "string" },
	});
	return {
		[`${prefix}/v1/live`]: {
			get: {
				operationId: "liveStream",
				summary: "Follow matches as they are played (Server-Sent Events).",
				description:
					"One `match` event per change a live source made to a match (score, status, minute, goal): `data` is `{ match, event }`, the match in the v2 shape and the event that changed it; `id` is the change log's sequence number. Reconnect with `Last-Event-ID` (EventSource does) or `lastEventId` to get exactly what was missed, then the live events. A comment every LIVE_HEARTBEAT seconds keeps the connection open. Each client holds a bounded number of streams (429 beyond), each gateway a bounded total (503 beyond).",
				tags: ["live"],
				parameters: [
					filter("competition", "Only matches of this competition (a code, e.g. `WC`)."),
					filter("team", "Only matches this team plays (an id)."),
					filter("match", "Only this match (an id)."),
					filter(
						"lastEventId",
						"Resume after this event id (as the Last-Event-ID header does).",
					),
					{
						name: "Last-Event-ID",
						in: "header",
						required: false,
						schema: { type: "string", pattern: "^[0-9]+$" },
					},
				],
				responses: {
					"200": {
						description: "The stream.",
						content: { "text/event-stream": { schema: { type: "string" } } },
					},
					"422": response("ValidationError"),
					"429": response("TooManyRequests"),
					"503": response("ServiceUnavailable"),
				},
			},
		},
	};
}

/** The admin routes: documented only where the gateway has an admin token. */
export function adminPaths(prefix: string): Paths {
	return {
		...keyPaths(prefix),
		...matchEventPaths(prefix),
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
