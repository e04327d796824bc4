// The v2 results projection: matches stored in the v4 shape, in a database of their own.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";
import { toV4Match } from "../../domain/v4-match";

export const MATCHES_V2 = "matches";

export function matchViewV2(match: Match): Record<string, unknown> {
	return { ...toV4Match(match), _teams: [match.homeTeam.id, match.awayTeam.id] };
}

export function applyMatchChangesV2(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	return applyAsViews<Match>(service.collection(MATCHES_V2), changes, matchViewV2);
}
