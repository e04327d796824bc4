// From a POSTed event to a journal entry: the body read as a LiveEvent of this match (the team
// as a side), and the refusals a client is told of (422 with the reason, 404 for no such match).
import { Errors } from "moleculer";
import { foldEvents, type LiveEvent, refusalOf, type Side } from "../../domain/live";
import type { Match } from "../../domain/model";
import type { IngestRecordParams } from "./ingest.contract";

export function refused(message: string, params: { match: string; id: string }) {
	return new Errors.MoleculerClientError(message, 422, "EVENT_REFUSED", {
		match: params.match,
		event: params.id,
	});
}

/** HOME, AWAY, or one of the two teams' ids; anything else is a team that does not play here. */
function sideOf(team: string | undefined, match: Match): Side | null | "unknown" {
	if (team === undefined) return null;
	const upper = team.toUpperCase();
	if (upper === "HOME" || team === match.homeTeam.id) return "HOME";
	if (upper === "AWAY" || team === match.awayTeam.id) return "AWAY";
	return "unknown";
}

/** The event as the journal keeps it; throws a 422 for a team not in the match. */
export function liveEventOf(params: IngestRecordParams, match: Match): LiveEvent {
	const side = sideOf(params.team, match);
	if (side === "unknown")
		throw refused(
			`The team '${params.team}' does not play in ${match.id}: "team" is HOME (${match.homeTeam.id}) or AWAY (${match.awayTeam.id}).`,
			params,
		);
	return {
		id: params.id,
		type: params.type,
		minute: params.minute ?? null,
		injuryTime: params.injuryTime ?? null,
		side,
		scorer: params.scorer ?? null,
		penalty: params.penalty ?? false,
		ownGoal: params.ownGoal ?? false,
		scored: params.scored ?? null,
	};
}

/** Throws a 422 naming why `event` cannot follow the match's journalled events. */
export function checkEvent(
	match: Match,
	journalled: LiveEvent[],
	event: LiveEvent,
	params: IngestRecordParams,
): void {
	const refusal = refusalOf(foldEvents(match, journalled), event);
	if (refusal) throw refused(refusal, params);
}
