// v2.matches.get's contract: one match by its id, in football-data.org v4's shape.
import {
	type ActionDoc,
	byIdParams,
	type HandlerParams,
	ref,
	V4_MATCH_SCHEMAS,
} from "../../contracts";

export const matchesGetParams = byIdParams;

export type MatchesGetParams = HandlerParams<typeof matchesGetParams>;

export const matchesGetDoc: ActionDoc = {
	summary: "Get a match",
	description:
		"One match with its score as v4 splits it (half time, regular time, extra time, shoot-out) and its goals: minute, scorer, team, penalty, own goal. An unknown id is a 404 of type `MATCH_NOT_FOUND`.",
	result: ref("V4Match"),
	components: V4_MATCH_SCHEMAS,
	params: { id: "The match's id, e.g. `wc-2022-final-argentina-france`." },
	examples: { id: "wc-2022-final-argentina-france" },
};
