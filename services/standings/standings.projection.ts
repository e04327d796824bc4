// The standings service's projection: each match reduced to what a table needs, and one table
// per competition season (per group, for a cup's groups), recomputed for every table a batch of
// changes touches: the table a changed match is in now, and the one it was in before.
import type { Service } from "moleculer";
import type { Change } from "../../contracts";
import type { Match } from "../../domain/model";
import { standingOf, tableKeyOf, type TableMatch } from "../../domain/standings";
import type { DocumentCollection } from "../../storage/collections";
import type { DbMethods } from "../../mixins/db.mixin";
import { applyAsViews } from "../../mixins/projection";

export const STANDINGS = "standings";
export const MATCHES = "matches";

/** A stored match: what a table needs, and `_table`, the key of the table it counts in (null: none). */
export function matchView(match: Match): Record<string, unknown> {
	const table: TableMatch = {
		id: match.id,
		competition: match.competition,
		season: match.season,
		stage: match.stage,
		group: match.group,
		status: match.status,
		utcDate: match.utcDate,
		matchday: match.matchday,
		homeTeam: match.homeTeam,
		awayTeam: match.awayTeam,
		score: { fullTime: match.score.fullTime },
	};
	return { ...table, _table: tableKeyOf(match) };
}

/** The tables the stored views of these matches count in: where the matches were before this batch. */
async function storedTables(matches: DocumentCollection, ids: string[]): Promise<string[]> {
	const stored = await matches.findByIds(ids);
	return stored.flatMap(view => (typeof view._table === "string" ? [view._table] : []));
}

/** The tables the changes put their matches in (a tombstone puts its match in none). */
function changedTables(changes: Change[]): string[] {
	return changes.flatMap(change => {
		const key = change.doc ? tableKeyOf(change.doc as Match) : null;
		return key === null ? [] : [key];
	});
}

/** Every recompute reads one table's matches by `_table`: indexed, it reads that table only, not every match. */
export function indexMatchesByTable(service: DbMethods): Promise<void> {
	return service.collection(MATCHES).ensureIndex("_table");
}

/** Recomputes one table from the stored matches; a table left without matches becomes a tombstone. */
async function recomputeTable(
	standings: DocumentCollection,
	matches: DocumentCollection,
	key: string,
): Promise<void> {
	const members = await matches.find({ _table: key, _deleted: false });
	const standing = standingOf(members as unknown as TableMatch[]);
	await standings.put(
		standing ? { _id: key, ...standing, _deleted: false } : { _id: key, _deleted: true },
	);
}

/**
 * Applies match changes: first the match views (each only over an older one, so a replayed or
 * late change cannot go back in time), then every table touched, computed afresh from the views.
 * Recomputing a table is idempotent, so a duplicate or stale change costs time, never correctness.
 */
export async function applyStandingChanges(
	service: Service & DbMethods,
	changes: Change[],
): Promise<void> {
	const matches = service.collection(MATCHES);
	const before = await storedTables(matches, [...new Set(changes.map(change => change.id))]);
	await applyAsViews<Match>(matches, changes, matchView);
	const touched = new Set([...before, ...changedTables(changes)]);
	const standings = service.collection(STANDINGS);
	for (const key of touched) await recomputeTable(standings, matches, key);
}
