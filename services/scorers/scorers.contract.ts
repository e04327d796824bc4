// v1.scorers.list's contract: its params schema and its documented answer, the top scorers of
// a competition in a season or over all its seasons that record scorers.
import {
	type ActionDoc,
	code,
	COMPETITION_REF,
	type HandlerParams,
	int,
	nullableStr,
	object,
	pageOf,
	paging,
	ref,
	str,
	TEAM_REF,
	year,
} from "../../contracts";

export const scorersListParams = {
	$$strict: true,
	competition: { ...code, optional: false },
	season: year,
	...paging,
} as const;

export type ScorersListParams = HandlerParams<typeof scorersListParams>;

const seasonList = (description: string) => ({
	type: "array",
	items: { type: "integer" },
	description,
});

export const scorersListDoc: ActionDoc = {
	summary: "List top scorers",
	description:
		"Goals as the match files record them; own goals count for nobody. A short name is merged into the only longer name of the same team it ends (`Mbappé` → `Kylian Mbappé`), and a scorer is linked to his team's squad player of that name where the data has a squad. Ranked by goals, then fewer penalties, then fewer matches, then name.",
	result: ref("ScorersPage"),
	components: {
		ScorersPage: {
			allOf: [
				pageOf("Scorer"),
				object({
					competition: {
						anyOf: [ref("CompetitionRef"), { type: "null" }],
						description: "The competition; null when no competition has that code.",
					},
					seasons: seasonList(
						"The seasons counted: those whose files record who scored.",
					),
					seasonsWithoutScorers: seasonList(
						"Seasons with goals but no scorers in their files: left out of the tally.",
					),
				}),
			],
		},
		Scorer: object({
			player: object({
				id: {
					...nullableStr,
					description:
						"The squad player's id (`/api/v1/players`), or null where no squad in the data names him.",
				},
				name: str,
				otherNames: {
					type: "array",
					items: str,
					description: "Other names the files give him, merged into this one.",
				},
			}),
			team: ref("TeamRef"),
			goals: int,
			penalties: { ...int, description: "Of his goals, those scored from the spot." },
			playedMatches: {
				...int,
				description:
					"Finished matches of his team in the seasons he scored for it: the files record no line-ups, so at most what he played.",
			},
		}),
		CompetitionRef: COMPETITION_REF,
		TeamRef: TEAM_REF,
	},
	params: {
		competition: "A competition code, e.g. `WC`, `PL`.",
		season: "The year the season starts in, e.g. `2022`; without it, every season that records scorers.",
	},
	examples: { competition: "WC" },
};
