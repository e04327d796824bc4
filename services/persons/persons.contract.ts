// v1.persons.get's contract: one player by his id, his team and club, and his goals in the data.
import {
	type ActionDoc,
	arrayOf,
	COMPETITION_REF,
	type HandlerParams,
	byIdParams,
	int,
	nullableInt,
	nullableStr,
	object,
	ref,
	str,
	TEAM_REF,
} from "../../contracts";

export const personsGetParams = byIdParams;

export type PersonsGetParams = HandlerParams<typeof personsGetParams>;

export const personsGetDoc: ActionDoc = {
	summary: "Get a person",
	description:
		"A player: his team (national team or club side in the data), his club, and his goals in the data's matches of his team, newest first. A goal is his when the files name him as his team's squad does, or by the only squad name his ends (`Mbappé`); own goals are nobody's. An unknown id is a 404 of type `PERSON_NOT_FOUND`.",
	result: ref("Person"),
	components: {
		Person: object({
			id: str,
			name: str,
			position: str,
			shirtNumber: nullableInt,
			dateOfBirth: nullableStr,
			nationality: str,
			team: ref("TeamRef"),
			club: { ...object({ name: str, country: str }), type: ["object", "null"] },
			goals: ref("PersonGoals"),
		}),
		PersonGoals: object({
			total: int,
			penalties: int,
			list: arrayOf("PersonGoal"),
		}),
		PersonGoal: object({
			match: object({
				id: str,
				competition: ref("CompetitionRef"),
				season: int,
				utcDate: str,
				homeTeam: ref("TeamRef"),
				awayTeam: ref("TeamRef"),
			}),
			minute: int,
			injuryTime: nullableInt,
			penalty: { type: "boolean" },
		}),
		CompetitionRef: COMPETITION_REF,
		TeamRef: TEAM_REF,
	},
	params: { id: "A player's id, e.g. `argentina-lionel-messi`." },
	examples: { id: "argentina-lionel-messi" },
};
