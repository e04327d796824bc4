// Reads one match from the projection, as a client sees it.
import { notFound } from "../../contracts";
import type { V4Match } from "../../domain/v4-match";
import { BOOKKEEPING } from "../../mixins/listing";
import type { DocumentCollection } from "../../storage/collections";

export async function matchById(matches: DocumentCollection, matchId: string): Promise<V4Match> {
	const stored = await matches.findById(matchId);
	if (!stored || stored._deleted === true) throw notFound("match", matchId, "/api/v2/results");
	const shown: Record<string, unknown> = { ...stored };
	for (const field of BOOKKEEPING) delete shown[field];
	return shown as unknown as V4Match;
}
