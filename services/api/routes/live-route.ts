// `GET /api/v1/live`: the live stream (http/live-streams.ts), its filters read and checked here.
// Filters: `competition` (a code), `team` and `match` (ids); where to resume: the Last-Event-ID
// header (what EventSource sends when it reconnects) or the `lastEventId` query parameter.
import type { IncomingMessage } from "node:http";
import { body, type HttpError } from "../http/errors";
import { HEAD_REQUESTS } from "../http/front-door";
import type { LiveFilters, LiveStreams } from "../http/live-streams";
import { clientKey } from "../http/rate-limit";
import { type Req, type Res, sendError } from "../http/reply";

export const LIVE_PATH = "/v1/live";

const RULES: Record<string, { pattern: RegExp; says: string }> = {
	competition: { pattern: /^[A-Z0-9]{1,10}$/, says: "a competition code such as PL" },
	team: { pattern: /^[a-z0-9-]{1,120}$/, says: "a team id such as argentina" },
	match: { pattern: /^[a-z0-9-]{1,120}$/, says: "a match id" },
	lastEventId: { pattern: /^[0-9]{1,15}$/, says: "the id of an event this stream sent (digits)" },
};

function invalid(message: string): HttpError {
	return { status: 422, headers: {}, body: body(422, "VALIDATION_ERROR", message) };
}

/** The filters and the resume point a request asks for, or why they cannot be read. */
export function readLiveRequest(
	query: Record<string, unknown>,
	lastEventIdHeader: string | string[] | undefined,
): { filters: LiveFilters; lastEventId: number | null } | HttpError {
	const values: Record<string, string> = {};
	for (const [name, raw] of Object.entries(query)) {
		const rule = RULES[name];
		if (!rule)
			return invalid(
				`The live stream takes no parameter '${name}' (it takes ${Object.keys(RULES).join(", ")}).`,
			);
		const value = typeof raw === "string" ? raw.trim() : undefined;
		const normalised = name === "competition" ? value?.toUpperCase() : value;
		if (normalised === undefined || !rule.pattern.test(normalised))
			return invalid(`The '${name}' parameter is ${rule.says}; got ${JSON.stringify(raw)}.`);
		values[name] = normalised;
	}
	const header = [lastEventIdHeader ?? []].flat()[0]?.trim();
	if (header !== undefined && header !== "" && !RULES.lastEventId.pattern.test(header))
		return invalid(
			`Last-Event-ID is ${RULES.lastEventId.says}; got ${JSON.stringify(header)}.`,
		);
	const resume = header || values.lastEventId;
	const { competition, team, match } = values;
	return {
		filters: { competition, team, match },
		lastEventId: resume ? Number(resume) : null,
	};
}

/** Who holds the stream, for the bound per client: the API key sent, else the address. */
function clientOf(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string {
	const token = req.headers["x-auth-token"];
	if (token) return `key:${[token].flat().join(",")}`;
	return `address:${clientKey(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies)}`;
}

export function liveAliases(
	streams: LiveStreams,
	trustedProxies: ReadonlySet<string>,
): Record<string, unknown> {
	return {
		[`GET ${LIVE_PATH}`](req: Req, res: Res) {
			const query = (req as Req & { query?: Record<string, unknown> }).query ?? {};
			const asked = readLiveRequest(query, req.headers["last-event-id"]);
			if ("status" in asked) return sendError(res, asked);
			const client = clientOf(req, trustedProxies);
			const refused = streams.refusalFor(client);
			if (refused) return sendError(res, refused);
			if (HEAD_REQUESTS.has(req)) return streams.answerHead(res);
			void streams.start(req, res, client, asked.filters, asked.lastEventId);
		},
	};
}
