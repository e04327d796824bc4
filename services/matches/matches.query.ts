// Reads one match from the projection, as a client sees it.
import { notFound } from "../../contracts";
import type { V4Match } from "../../domain/v4-match";
import { liveViewById } from "../../mixins/listing";
import type { DocumentCollection } from "../../storage/collections";

export async function matchById(matches: DocumentCollection, matchId: string): Promise<V4Match> {
	const match = await liveViewById<V4Match>(matches, matchId);
	if (!match) throw notFound("match", matchId, "/api/v2/results");
	return match;
}
