// v1.live.since's contract: the match changes a live stream shows, after a sequence number of
// the change log, as the gateway's `GET /api/v1/live` reads them (on connect, with
// Last-Event-ID, and after each change it hears of).
import { code, type HandlerParams, id } from "../../contracts";
import type { Match } from "../../domain/model";
import type { V4Match } from "../../domain/v4-match";

/** The most entries one call answers. */
export const MAX_ENTRIES = 500;

export const liveSinceParams = {
	$$strict: true,
	after: { type: "number", integer: true, min: 0, optional: true },
	competition: code,
	team: id,
	match: id,
	limit: {
		type: "number",
		integer: true,
		min: 1,
		max: MAX_ENTRIES,
		optional: true,
		default: 100,
	},
} as const;

export type LiveSinceParams = HandlerParams<typeof liveSinceParams>;

/** One change of a match: the log's seq, the match as v2 shows it, and the event that made it. */
export interface LiveEntry {
	seq: number;
	match: V4Match;
	event: NonNullable<Match["lastEvent"]>;
}

export interface LiveSinceResult {
	/** The last seq of the change log this service has applied: "now", for a stream starting afresh. */
	head: number;
	/** Oldest first; fewer than `limit` when there is no more. */
	entries: LiveEntry[];
}
