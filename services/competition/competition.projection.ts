// The competition service's projection: the competitions, and of each match what a season's
// summary needs (its competition, season, matchday and status).
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Competition, Match } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const COMPETITIONS = "competitions";
export const MATCHES = "matches";

export function matchView(match: Match): Record<string, unknown> {
	const { competition, season, matchday, status } = match;
	return { competition: { code: competition.code }, season, matchday, status };
}

export async function applyCompetitionChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	const of = (kind: Change["kind"]) => changes.filter(change => change.kind === kind);
	await applyAsViews<Competition>(
		service.collection(COMPETITIONS),
		of("competition"),
		competition => ({ ...competition }),
	);
	await applyAsViews<Match>(service.collection(MATCHES), of("match"), matchView);
}

/** Seasons are summed from the competition's matches: an index on its code reads only those. */
export function indexMatchesByCompetition(service: DbMethods): Promise<void> {
	return service.collection(MATCHES).ensureIndex("competition.code");
}
