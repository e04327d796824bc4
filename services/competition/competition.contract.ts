// v1.competition.get's contract: one competition by its code, with its seasons as the matches
// in the data tell them (how many, and the current or last matchday).
import {
	AREA,
	type ActionDoc,
	arrayOf,
	code,
	type HandlerParams,
	int,
	nullableInt,
	object,
	ref,
	str,
} from "../../contracts";

export const competitionGetParams = {
	$$strict: true,
	code: { ...code, optional: false },
} as const;

export type CompetitionGetParams = HandlerParams<typeof competitionGetParams>;

export const competitionGetDoc: ActionDoc = {
	summary: "Get a competition",
	description:
		"The competition and each of its seasons, newest first, with its number of matches and its current matchday (the last with a played match; null where the season has no matchdays). An unknown code is a 404 of type `COMPETITION_NOT_FOUND`.",
	result: ref("CompetitionDetail"),
	components: {
		CompetitionDetail: object({
			id: str,
			code: str,
			name: str,
			type: { type: "string", enum: ["LEAGUE", "CUP"] },
			area: ref("Area"),
			seasons: arrayOf("SeasonDetail"),
		}),
		SeasonDetail: object({
			id: {
				type: "string",
				description: "`<competition code>-<start year>`, e.g. `PL-2024`.",
			},
			year: { ...int, description: "The year the season starts in." },
			startDate: str,
			endDate: str,
			numberOfMatches: int,
			playedMatches: int,
			currentMatchday: {
				...nullableInt,
				description:
					"The latest matchday with a played match: the current one of a running season, the last of a finished one.",
			},
		}),
		Area: AREA,
	},
	params: { code: "A competition code, e.g. `PL`, `WC`." },
	examples: { code: "PL" },
};
