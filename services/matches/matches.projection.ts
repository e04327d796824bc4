// The matches service's projection: each match stored in the v4 shape it is served in.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match } from "../../domain/model";
import { toV4Match } from "../../domain/v4-match";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const MATCHES = "matches";

export function applyMatchChanges(service: Service & DbMethods, changes: Change[]): Promise<void> {
	return applyAsViews<Match>(
		service.collection(MATCHES),
		changes,
		match => toV4Match(match) as unknown as Record<string, unknown>,
	);
}
