// Reads the history after a seq, filtered as a stream asks.
import type { DocumentCollection } from "../../storage/collections";
import type { LiveEntry, LiveSinceParams } from "./live.contract";

export async function entriesAfter(
	history: DocumentCollection,
	params: LiveSinceParams,
): Promise<LiveEntry[]> {
	const query: Record<string, unknown> = { seq: { $gt: params.after ?? 0 } };
	if (params.competition) query.competition = params.competition;
	if (params.team) query.teams = params.team;
	if (params.match) query.matchId = params.match;
	const found = await history.find(query, { sort: [["seq", 1]], limit: params.limit });
	return found.map(({ seq, match, event }) => ({ seq, match, event }) as unknown as LiveEntry);
}
