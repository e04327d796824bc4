// The OpenAPI 3.1 document of the public HTTP API. Query parameters are derived from the very
// params schemas Moleculer's validator enforces, so the documentation cannot drift from what a
// route accepts; the result shapes are written by hand after contracts/actions.ts and domain/model.ts.
import {
	ACTIONS,
	competitionsListParams,
	MATCH_STATUSES,
	playersListParams,
	POSITIONS,
	resultsListParams,
	resultsListV2Params,
	standingsListParams,
	teamsListParams,
} from "../../contracts";

/** Where the gateway serves the document. */
export const OPENAPI_PATH = "/openapi.json";

/** The gateway mounts every public route under this prefix. */
const API_PREFIX = "/api";

type JsonSchema = Record<string, unknown>;
type ParamsSchema = Readonly<Record<string, unknown>>;

/** The params schema of each action behind a public route (sync's feed is internal: not here). */
export const PARAMS_BY_ACTION: Readonly<Record<string, ParamsSchema>> = {
	[ACTIONS.playersList]: playersListParams,
	[ACTIONS.competitionsList]: competitionsListParams,
	[ACTIONS.teamsList]: teamsListParams,
	[ACTIONS.resultsList]: resultsListParams,
	[ACTIONS.resultsListV2]: resultsListV2Params,
	[ACTIONS.standingsList]: standingsListParams,
};

export interface OpenApiOptions {
	/** Route keys ("GET /v1/players") → action names, as the gateway's aliases. */
	routes: Readonly<Record<string, string>>;
	/** Each routed action's fastest-validator params schema. */
	paramsByAction: Readonly<Record<string, ParamsSchema>>;
	/** Route keys whose operations are marked deprecated. */
	deprecated?: readonly string[];
	serverUrl?: string;
	/** The API's version, shown as info.version. */
	version: string;
	/** Document POST /api/admin/sync; only when the gateway has an admin token. */
	admin?: boolean;
}

export interface OpenApiDocument {
	openapi: "3.1.0";
	info: { title: string; version: string; description: string };
	servers?: Array<{ url: string }>;
	tags: Array<{ name: string; description: string }>;
	paths: Record<string, Record<string, JsonSchema>>;
	components: Record<string, Record<string, JsonSchema>>;
}

/** The subset of a fastest-validator rule that says something a client can use. */
interface Rule {
	type?: string;
	optional?: boolean;
	default?: unknown;
	description?: string;
	min?: number;
	max?: number;
	length?: number;
	equal?: unknown;
	integer?: boolean;
	positive?: boolean;
	negative?: boolean;
	pattern?: RegExp | string;
	enum?: unknown[];
	values?: readonly unknown[];
	uppercase?: boolean;
	lowercase?: boolean;
	items?: unknown;
}

/** Drops undefined members, so that absent constraints do not appear as keys. */
function compact(schema: Record<string, unknown>): JsonSchema {
	return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

/** fastest-validator also takes a shorthand ("string|optional|max:10"); read it as the object form. */
function toRule(raw: unknown): Rule {
	if (typeof raw !== "string") return (raw ?? {}) as Rule;
	const [type, ...flags] = raw.split("|");
	const rule: Record<string, unknown> = { type };
	for (const flag of flags) {
		const [key, value] = flag.split(":");
		rule[key] = value === undefined || value === "true" ? true : value === "false" ? false : Number.isNaN(Number(value)) ? value : Number(value);
	}
	return rule as Rule;
}

// JSON Schema patterns are ECMA-262 regular expressions without flags: a RegExp's source is the pattern.
function patternOf(pattern: RegExp | string | undefined): string | undefined {
	return pattern instanceof RegExp ? pattern.source : pattern;
}

/** A YYYY-MM-DD pattern is a calendar date: saying so lets clients (and the docs page) offer a date input. */
const ISO_DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

function stringSchema(rule: Rule): JsonSchema {
	const pattern = patternOf(rule.pattern);
	return compact({
		type: "string",
		format: pattern === ISO_DATE_PATTERN ? "date" : undefined,
		minLength: rule.length ?? rule.min,
		maxLength: rule.length ?? rule.max,
		pattern,
		enum: rule.enum,
	});
}

function numberSchema(rule: Rule): JsonSchema {
	return compact({
		type: rule.integer ? "integer" : "number",
		minimum: rule.min,
		maximum: rule.max,
		exclusiveMinimum: rule.positive ? 0 : undefined,
		exclusiveMaximum: rule.negative ? 0 : undefined,
		const: rule.equal,
	});
}

function enumSchema(rule: Rule): JsonSchema {
	const values = [...(rule.values ?? [])];
	return compact({ type: values.every(value => typeof value === "string") ? "string" : undefined, enum: values });
}

const CONVERTERS: Record<string, (rule: Rule) => JsonSchema> = {
	string: stringSchema,
	number: numberSchema,
	enum: enumSchema,
	boolean: () => ({ type: "boolean" }),
	// With convert, fastest-validator takes any text Date can read; ISO 8601 is what to send.
	date: () => ({ type: "string", format: "date-time" }),
	array: rule => compact({ type: "array", items: rule.items === undefined ? undefined : valueSchema(toRule(rule.items)), minItems: rule.min, maxItems: rule.max }),
};

/** A rule as a JSON Schema; a type it does not know becomes "any value" rather than a wrong claim. */
function valueSchema(rule: Rule): JsonSchema {
	const convert = CONVERTERS[rule.type ?? ""];
	const schema = convert ? convert(rule) : {};
	// A default computed by a function is not a value a client can read.
	if (rule.default !== undefined && typeof rule.default !== "function") schema.default = rule.default;
	return schema;
}

/** What each public parameter means, after the README's route table (same name, same meaning on every route). */
const PARAM_NOTES: Record<string, string> = {
	team: "A team's id, e.g. `argentina`; for matches, home or away.",
	competition: "A competition code, e.g. `PL`, `WC`.",
	competitions: "Several competition codes, comma-separated, e.g. `PL,CL`.",
	position: "The player's position.",
	nationality: "The player's nationality.",
	q: "Text to look for in names.",
	sort: "Sort order; a leading `-` sorts descending.",
	type: "The competition's type.",
	area: "An area code, e.g. `ENG`.",
	season: "The year the season starts in, e.g. `2024`.",
	dateFrom: "Matches on or after this day (YYYY-MM-DD).",
	dateTo: "Matches on or before this day (YYYY-MM-DD).",
	status: "The match's status.",
	matchday: "The matchday number.",
	stage: "The stage, e.g. `FINAL`, `GROUP_STAGE`.",
	group: "The group, e.g. `GROUP_A`.",
	page: "Page number, from 1.",
	pageSize: "Rows per page.",
	limit: "Matches per page.",
	cursor: "The `next` of the previous page.",
};

function describeParam(name: string, rule: Rule): string | undefined {
	const notes = [rule.description ?? PARAM_NOTES[name]];
	// The validator changes case before matching the pattern, so `pl` is as good as `PL`.
	if (rule.uppercase || rule.lowercase) notes.push("Case is ignored.");
	if (rule.pattern instanceof RegExp && rule.pattern.flags) notes.push(`The pattern is matched with the flags \`${rule.pattern.flags}\`.`);
	const text = notes.filter(Boolean).join(" ");
	return text || undefined;
}

function queryParameter(name: string, raw: unknown): JsonSchema {
	const rule = toRule(raw);
	return compact({
		name,
		in: "query",
		description: describeParam(name, rule),
		// A parameter with a default is never missing: the validator fills it in.
		required: !rule.optional && rule.default === undefined ? true : undefined,
		schema: valueSchema(rule),
	});
}

/** `$$strict`, `$$async` and the like configure the validator; they are not parameters. */
function queryParameters(params: ParamsSchema): JsonSchema[] {
	return Object.entries(params)
		.filter(([name]) => !name.startsWith("$$"))
		.map(([name, rule]) => queryParameter(name, rule));
}

/** `v1.players.list` → `v1PlayersList`. */
function operationIdOf(action: string): string {
	return action
		.split(/[.\-_]/)
		.filter(Boolean)
		.map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1)))
		.join("");
}

/** `v1.players.list` → `List players`. */
function summaryOf(action: string): string {
	const parts = action.split(".");
	const verb = parts[parts.length - 1];
	return `${verb[0].toUpperCase()}${verb.slice(1)} ${parts.slice(1, -1).join(" ")}`.trim();
}

/** Only literal GET paths are documented: query parameters are how every public route takes its input. */
function parseRouteKey(key: string): { path: string; version: string } {
	const match = /^GET\s+(\/[A-Za-z0-9/_-]*)$/.exec(key.trim());
	if (!match) throw new Error(`Route "${key}" cannot be documented: only "GET /literal/path" routes are supported`);
	const version = /^\/(v\d+)\//.exec(match[1])?.[1] ?? "api";
	return { path: `${API_PREFIX}${match[1]}`, version };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const response = (name: string) => ({ $ref: `#/components/responses/${name}` });
const json = (schema: JsonSchema) => ({ "application/json": { schema } });

/** The result schema of each public action; an action not listed is documented as "some JSON". */
const RESULT_SCHEMAS: Record<string, string> = {
	[ACTIONS.playersList]: "PlayersPage",
	[ACTIONS.competitionsList]: "CompetitionsPage",
	[ACTIONS.teamsList]: "TeamsPage",
	[ACTIONS.resultsList]: "MatchesPage",
	[ACTIONS.resultsListV2]: "ResultsListV2Result",
	[ACTIONS.standingsList]: "StandingsPage",
};

function routeOperation(action: string, params: ParamsSchema, version: string, deprecated: boolean): JsonSchema {
	const result = RESULT_SCHEMAS[action];
	return compact({
		operationId: operationIdOf(action),
		summary: summaryOf(action),
		description: params.$$strict ? "An unknown query parameter is refused with a 422 that names it." : undefined,
		tags: [version],
		deprecated: deprecated || undefined,
		parameters: queryParameters(params),
		responses: {
			"200": { description: "The result.", content: json(result ? ref(result) : {}) },
			"404": response("NotFound"),
			"422": response("ValidationError"),
			"429": response("TooManyRequests"),
			"503": response("ServiceUnavailable"),
			"504": response("Timeout"),
		},
	});
}

function routePaths(options: OpenApiOptions): Record<string, Record<string, JsonSchema>> {
	const deprecated = new Set(options.deprecated ?? []);
	for (const key of deprecated) {
		if (!(key in options.routes)) throw new Error(`Deprecated route "${key}" is not one of the routes`);
	}
	const paths: Record<string, Record<string, JsonSchema>> = {};
	for (const [key, action] of Object.entries(options.routes)) {
		const params = options.paramsByAction[action];
		if (!params) throw new Error(`No params schema for "${action}" (route "${key}")`);
		const { path, version } = parseRouteKey(key);
		paths[path] = { ...paths[path], get: routeOperation(action, params, version, deprecated.has(key)) };
	}
	return paths;
}

function healthOperation(operationId: string, summary: string, body: JsonSchema, otherResponses: JsonSchema = {}): JsonSchema {
	return { operationId, summary, tags: ["operations"], responses: { "200": { description: summary, content: json(body) }, ...otherResponses } };
}

function healthBody(states: string[], extra: Record<string, unknown> = {}): JsonSchema {
	return { type: "object", required: ["status"], properties: { status: { type: "string", enum: states }, ...extra } };
}

/** Endpoints of the gateway itself, outside the routed actions. */
function operationsPaths(): Record<string, Record<string, JsonSchema>> {
	const services = { type: "object", description: "Each service the routes need: has it a running node?", additionalProperties: { type: "boolean" } };
	// Not ready: an orchestrator should send traffic elsewhere; the body says which service is missing.
	const notReady = { "503": { description: "Not ready.", headers: retryAfter, content: json(healthBody(["not ready"], { services })) } };
	const ready = healthOperation("healthReady", "The gateway and the services behind it are ready to serve.", healthBody(["ready"], { services }), notReady);
	return {
		"/health/live": { get: healthOperation("healthLive", "The process is running.", healthBody(["live"])) },
		"/health/ready": { get: ready },
		"/metrics": {
			get: {
				operationId: "metrics",
				summary: "Metrics in the Prometheus text format.",
				tags: ["operations"],
				responses: { "200": { description: "The metrics.", content: { "text/plain": { schema: { type: "string" } } } } },
			},
		},
	};
}

function adminPaths(): Record<string, Record<string, JsonSchema>> {
	return {
		[`${API_PREFIX}/admin/sync`]: {
			post: {
				operationId: "adminSync",
				summary: "Ask sync to re-read its source now.",
				tags: ["admin"],
				security: [{ adminToken: [] }],
				responses: {
					"202": {
						description: "The request was accepted; sync works on it in the background.",
						content: json({ type: "object", required: ["status"], properties: { status: { const: "accepted" }, requestId: { ...nullableStr, description: "Quote it when asking about this request." } } }),
					},
					"401": response("Unauthorized"),
					"429": response("TooManyRequests"),
				},
			},
		},
	};
}

function tagsOf(paths: Record<string, Record<string, JsonSchema>>): Array<{ name: string; description: string }> {
	const names = new Set(Object.values(paths).flatMap(item => Object.values(item).flatMap(op => (op.tags as string[]) ?? [])));
	const described: Record<string, string> = {
		v2: "Version 2: football-data.org v4's shapes and cursor paging.",
		operations: "Health and metrics, for orchestrators and monitoring.",
		admin: "Operator actions; need the admin bearer token.",
	};
	const versionOf = (name: string) => /^v(\d+)$/.exec(name)?.[1];
	return [...names].sort().map(name => ({ name, description: described[name] ?? (versionOf(name) ? `Version ${versionOf(name)}.` : "Routes.") }));
}

/** Builds the OpenAPI 3.1 document of the gateway: its routes, health, metrics and, if asked, the admin route. */
export function buildOpenApi(options: OpenApiOptions): OpenApiDocument {
	const paths = { ...routePaths(options), ...operationsPaths(), ...(options.admin ? adminPaths() : {}) };
	const components: Record<string, Record<string, JsonSchema>> = { schemas: SCHEMAS, responses: RESPONSES };
	if (options.admin) components.securitySchemes = { adminToken: { type: "http", scheme: "bearer", description: "The gateway's ADMIN_TOKEN." } };
	// A copy, so that a caller changing its document cannot change the next one.
	return structuredClone({
		openapi: "3.1.0",
		info: {
			title: "matchday",
			version: options.version,
			description: "Football data: players, competitions, teams, match results and league tables. Every error has one shape: `{ error: { status, type, message, fields? } }`.",
		},
		...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
		tags: tagsOf(paths),
		paths,
		components,
	});
}

// ---- Result and error shapes, after contracts/actions.ts and domain/model.ts. Objects stay open
// (no additionalProperties: false) so that adding a field later does not break a strict client.

const str = { type: "string" };
const int = { type: "integer" };
const nullableInt = { type: ["integer", "null"] };
const nullableStr = { type: ["string", "null"] };
const arrayOf = (name: string) => ({ type: "array", items: ref(name) });

/** An object whose properties are all required except those named. */
function object(properties: Record<string, unknown>, optional: string[] = []): JsonSchema {
	return { type: "object", required: Object.keys(properties).filter(key => !optional.includes(key)), properties };
}

function listOf(name: string): JsonSchema {
	return object({
		rows: arrayOf(name),
		page: { type: "integer", minimum: 1 },
		pageSize: { type: "integer", minimum: 1 },
		total: { type: "integer", minimum: 0 },
		totalPages: { type: "integer", minimum: 0 },
	});
}

const winner = { type: ["string", "null"], enum: ["HOME_TEAM", "AWAY_TEAM", "DRAW", null] };
const duration = { type: "string", enum: ["REGULAR", "EXTRA_TIME", "PENALTY_SHOOTOUT"] };
const competitionRef = object({ code: str, name: str });

/** The match fields v1 and v2 share; they differ in `season` and `score`. */
function matchSchema(season: unknown, score: unknown): JsonSchema {
	return object({
		id: str,
		competition: competitionRef,
		season,
		utcDate: { type: "string", format: "date-time" },
		status: { type: "string", enum: [...MATCH_STATUSES] },
		matchday: nullableInt,
		stage: str,
		group: nullableStr,
		homeTeam: ref("TeamRef"),
		awayTeam: ref("TeamRef"),
		score,
		goals: arrayOf("Goal"),
	});
}

const retryAfter = { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 0 } } };

const SCHEMAS: Record<string, JsonSchema> = {
	Area: object({ name: str, code: str }),
	TeamRef: object({ id: str, name: str, tla: str }),
	Season: object({ id: { type: "string", description: "`<competition code>-<start year>`, e.g. `PL-2024`." }, startDate: str, endDate: str }),
	Competition: object({
		id: str,
		code: str,
		name: str,
		type: { type: "string", enum: [...competitionsListParams.type.values] },
		area: ref("Area"),
		seasons: arrayOf("Season"),
	}),
	CompetitionSeason: object({ code: str, season: { type: "integer", description: "The year the season starts in." } }),
	Team: object({
		id: str,
		name: str,
		shortName: str,
		tla: str,
		type: { type: "string", enum: ["CLUB", "NATIONAL"] },
		area: ref("Area"),
		competitions: arrayOf("CompetitionSeason"),
	}),
	Player: object({
		id: str,
		name: str,
		position: { type: "string", enum: [...POSITIONS] },
		shirtNumber: nullableInt,
		dateOfBirth: nullableStr,
		nationality: str,
		team: ref("TeamRef"),
		club: { ...object({ name: str, country: str }), type: ["object", "null"] },
	}),
	ScoreLine: object({ home: nullableInt, away: nullableInt }),
	Score: object({
		winner,
		duration,
		fullTime: { ...ref("ScoreLine"), description: "After 90 minutes." },
		halfTime: ref("ScoreLine"),
		extraTime: { ...ref("ScoreLine"), description: "After extra time, cumulative (120 minutes)." },
		penalties: ref("ScoreLine"),
	}),
	Goal: object({
		minute: int,
		injuryTime: { ...nullableInt, description: "Minutes added to `minute` (90+4 is minute 90, injuryTime 4)." },
		scorer: object({ name: str }),
		team: ref("TeamRef"),
		penalty: { type: "boolean" },
		ownGoal: { type: "boolean" },
	}),
	Match: matchSchema(int, ref("Score")),
	V4Score: object(
		{
			winner,
			duration,
			fullTime: { ...ref("ScoreLine"), description: "The final result: regular time, plus extra time and the shoot-out where played." },
			halfTime: ref("ScoreLine"),
			regularTime: { ...ref("ScoreLine"), description: "The score after 90 minutes, when the match went beyond." },
			extraTime: { ...ref("ScoreLine"), description: "Goals scored in extra time only." },
			penalties: ref("ScoreLine"),
		},
		["regularTime", "extraTime", "penalties"],
	),
	V4Match: matchSchema(object({ year: int }), ref("V4Score")),
	TableRow: object({
		position: { type: "integer", minimum: 1 },
		team: ref("TeamRef"),
		playedGames: int,
		form: { ...nullableStr, description: "The last five results, most recent first, e.g. `W,D,L,W,W`; null before the first." },
		won: int,
		draw: int,
		lost: int,
		points: { ...int, description: "3 for a win, 1 for a draw." },
		goalsFor: int,
		goalsAgainst: int,
		goalDifference: int,
	}),
	Standing: object({
		competition: competitionRef,
		season: { type: "integer", description: "The year the season starts in." },
		stage: { type: "string", description: "The stage the table is of: `REGULAR_SEASON`, `LEAGUE_STAGE` or `GROUP_STAGE`." },
		group: { ...nullableStr, description: "The group, e.g. `GROUP_A`; null for a league." },
		table: {
			...arrayOf("TableRow"),
			description: "In order: points, goal difference, goals scored, team name. Counts finished and awarded matches, on the score after 90 minutes.",
		},
	}),
	PlayersPage: listOf("Player"),
	CompetitionsPage: listOf("Competition"),
	TeamsPage: listOf("Team"),
	MatchesPage: listOf("Match"),
	StandingsPage: listOf("Standing"),
	ResultsListV2Result: object({
		filters: { type: "object", description: "The filters applied, as read.", additionalProperties: { type: ["string", "number"] } },
		resultSet: {
			...object({ count: int, first: nullableStr, last: nullableStr, played: int }),
			description: "Over every match the filters select, not only this page; `first` and `last` are days (YYYY-MM-DD).",
		},
		matches: arrayOf("V4Match"),
		next: { ...nullableStr, description: "The cursor of the next page; null on the last." },
	}),
	Error: object({
		error: object(
			{
				status: { type: "integer", description: "The HTTP status, repeated." },
				type: { type: "string", description: "A SCREAMING_SNAKE code, e.g. `VALIDATION_ERROR`." },
				message: str,
				fields: { type: "array", description: "One entry per bad parameter.", items: object({ field: str, message: str }) },
			},
			["fields"],
		),
	}),
};

const errorResponse = (description: string, headers?: JsonSchema) => compact({ description, headers, content: json(ref("Error")) });

const RESPONSES: Record<string, JsonSchema> = {
	ValidationError: errorResponse("A parameter is not valid, or not known to this route (named in `fields`)."),
	NotFound: errorResponse("No such route."),
	TooManyRequests: errorResponse("Too many requests from this client; wait as `Retry-After` says.", {
		...retryAfter,
		"RateLimit-Limit": { description: "Requests allowed per window.", schema: int },
		"RateLimit-Remaining": { description: "Requests left in this window.", schema: int },
		"RateLimit-Reset": { description: "Seconds until the window resets.", schema: int },
	}),
	ServiceUnavailable: errorResponse("The service behind this route has no running node right now.", retryAfter),
	Timeout: errorResponse("The service did not answer in time."),
	Unauthorized: errorResponse("No bearer token, or not the right one.", { "WWW-Authenticate": { description: "The scheme to use: Bearer.", schema: str } }),
};
