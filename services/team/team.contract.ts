// v1.team.get's contract: one team by its id, its competitions by season and, where the data
// has one, its squad.
import {
	AREA,
	type ActionDoc,
	arrayOf,
	type HandlerParams,
	byIdParams,
	int,
	nullableInt,
	nullableStr,
	object,
	ref,
	str,
} from "../../contracts";

export const teamGetParams = byIdParams;

export type TeamGetParams = HandlerParams<typeof teamGetParams>;

export const teamGetDoc: ActionDoc = {
	summary: "Get a team",
	description:
		"The team, the competitions it plays in each season (newest first) and its squad where the data has one (by shirt number; empty otherwise). An unknown id is a 404 of type `TEAM_NOT_FOUND`.",
	result: ref("TeamDetail"),
	components: {
		TeamDetail: object({
			id: str,
			name: str,
			shortName: str,
			tla: str,
			type: { type: "string", enum: ["CLUB", "NATIONAL"] },
			area: ref("Area"),
			seasons: arrayOf("TeamSeason"),
			squad: arrayOf("SquadMember"),
		}),
		TeamSeason: object({
			season: { ...int, description: "The year the season starts in." },
			competitions: {
				type: "array",
				items: str,
				description: "Competition codes, e.g. `PL`.",
			},
		}),
		SquadMember: object({
			id: str,
			name: str,
			position: str,
			shirtNumber: nullableInt,
			dateOfBirth: nullableStr,
		}),
		Area: AREA,
	},
	params: { id: "A team's id, e.g. `argentina`, `liverpool-fc`." },
	examples: { id: "argentina" },
};
