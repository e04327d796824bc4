// The live service's projection: every match (anti-entropy compares them with the master), and
// a history of the changes that live events made, one entry per change of the log (a match that
// changed three times has three), which the feed's latest-state pages cannot give.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match } from "../../domain/model";
import { toV4Match } from "../../domain/v4-match";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const MATCHES = "matches";
export const HISTORY = "history";

/** A history entry's `_id`: its seq, zero-padded so that ids sort as numbers do. */
function historyId(seq: number): string {
	return String(seq).padStart(12, "0");
}

function historyEntry(seq: number, match: Match) {
	return {
		_id: historyId(seq),
		seq,
		matchId: match.id,
		competition: match.competition.code,
		teams: [match.homeTeam.id, match.awayTeam.id],
		match: toV4Match(match),
		event: match.lastEvent,
	};
}

export async function applyLiveChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	await applyAsViews<Match>(service.collection(MATCHES), changes, match => ({ ...match }));
	const entries = changes.flatMap(change =>
		change.kind === "match" && change.doc?.lastEvent
			? [historyEntry(change.seq, change.doc)]
			: [],
	);
	// Keyed by seq: a change applied twice writes the same entry again.
	if (entries.length > 0) await service.collection(HISTORY).putMany(entries);
}
