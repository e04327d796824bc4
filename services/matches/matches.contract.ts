// v2.matches.get's contract: one match by its id, in football-data.org v4's shape.
import { Errors } from "moleculer";
import { type ActionDoc, type HandlerParams, id, ref, V4_MATCH_SCHEMAS } from "../../contracts";

export const matchesGetParams = {
	$$strict: true,
	id: { ...id, optional: false },
} as const;

export type MatchesGetParams = HandlerParams<typeof matchesGetParams>;

export const matchesGetDoc: ActionDoc = {
	summary: "Get a match",
	description:
		"One match with its score as v4 splits it (half time, regular time, extra time, shoot-out) and its goals: minute, scorer, team, penalty, own goal. An unknown id is a 404 of type `MATCH_NOT_FOUND`.",
	result: ref("V4Match"),
	components: V4_MATCH_SCHEMAS,
	params: { id: "The match's id, e.g. `wc-2022-final-argentina-france`." },
};

/** The answer for an id no match has: a 404 in the API's error shape. */
export function matchNotFound(matchId: string): Errors.MoleculerClientError {
	return new Errors.MoleculerClientError(
		`No match has the id '${matchId}'. Ids are listed by /api/v2/results.`,
		404,
		"MATCH_NOT_FOUND",
		{ id: matchId },
	);
}
