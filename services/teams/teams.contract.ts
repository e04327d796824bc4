// v1.teams.list's contract: its params schema and its documented answer, a page of teams.
import {
	type ActionDoc,
	AREA,
	arrayOf,
	code,
	type HandlerParams,
	object,
	pageOf,
	paging,
	ref,
	str,
	text,
	year,
} from "../../contracts";

export const teamsListParams = {
	$$strict: true,
	competition: code,
	season: year,
	q: text,
	...paging,
} as const;

export type TeamsListParams = HandlerParams<typeof teamsListParams>;

export const teamsListDoc: ActionDoc = {
	summary: "List teams",
	result: ref("TeamsPage"),
	components: {
		TeamsPage: pageOf("Team"),
		Team: object({
			id: str,
			name: str,
			shortName: str,
			tla: str,
			type: { type: "string", enum: ["CLUB", "NATIONAL"] },
			area: ref("Area"),
			competitions: arrayOf("CompetitionSeason"),
		}),
		CompetitionSeason: object({
			code: str,
			season: { type: "integer", description: "The year the season starts in." },
		}),
		Area: AREA,
	},
	params: {
		competition: "A competition code, e.g. `PL`, `WC`.",
		season: "The year the season starts in, e.g. `2024`.",
		q: "Text to look for in names.",
	},
};
