// The results service's projection: matches with a key for "either team".
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const MATCHES = "matches";

export function matchView(match: Match): Record<string, unknown> {
	return { ...match, _teams: [match.homeTeam.id, match.awayTeam.id] };
}

export function applyMatchChanges(service: Service & DbMethods, changes: Change[]): Promise<void> {
	return applyAsViews<Match>(service.collection(MATCHES), changes, matchView);
}
