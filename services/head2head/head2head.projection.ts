// The head2head service's projection: the matches, with the key "either team".
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match } from "../../domain/model";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const MATCHES = "matches";

export function applyMatchChanges(service: Service & DbMethods, changes: Change[]): Promise<void> {
	return applyAsViews<Match>(service.collection(MATCHES), changes, match => ({
		...match,
		_teams: [match.homeTeam.id, match.awayTeam.id],
	}));
}
