// v1.standings.list's contract: its params schema and its documented answer, a page of league
// tables (one per competition season, or per group of a cup).
import { TABLE_TYPES } from "../../domain/standings";
import {
	type ActionDoc,
	arrayOf,
	code,
	COMPETITION_REF,
	type HandlerParams,
	int,
	nullableStr,
	object,
	pageOf,
	paging,
	ref,
	TEAM_REF,
	upperSnake,
	year,
} from "../../contracts";

export const standingsListParams = {
	$$strict: true,
	competition: code,
	season: year,
	group: upperSnake,
	type: { type: "enum", values: TABLE_TYPES, default: "TOTAL", optional: true },
	matchday: { type: "number", integer: true, min: 1, max: 100, convert: true, optional: true },
	...paging,
} as const;

export type StandingsListParams = HandlerParams<typeof standingsListParams>;

export const standingsListDoc: ActionDoc = {
	summary: "List standings",
	result: ref("StandingsPage"),
	components: {
		StandingsPage: pageOf("Standing"),
		Standing: object({
			competition: ref("CompetitionRef"),
			season: { type: "integer", description: "The year the season starts in." },
			stage: {
				type: "string",
				description:
					"The stage the table is of: `REGULAR_SEASON`, `LEAGUE_STAGE` or `GROUP_STAGE`.",
			},
			group: { ...nullableStr, description: "The group, e.g. `GROUP_A`; null for a league." },
			type: {
				type: "string",
				enum: [...TABLE_TYPES],
				description:
					"`TOTAL`: every match; `HOME`, `AWAY`: each team's home or away matches only.",
			},
			table: {
				...arrayOf("TableRow"),
				description:
					"In order: points, goal difference, goals scored, team name. Counts finished and awarded matches, on the score after 90 minutes.",
			},
		}),
		TableRow: object({
			position: { type: "integer", minimum: 1 },
			team: ref("TeamRef"),
			playedGames: int,
			form: {
				...nullableStr,
				description:
					"The last five results, most recent first, e.g. `W,D,L,W,W`; null before the first.",
			},
			won: int,
			draw: int,
			lost: int,
			points: { ...int, description: "3 for a win, 1 for a draw." },
			goalsFor: int,
			goalsAgainst: int,
			goalDifference: int,
		}),
		CompetitionRef: COMPETITION_REF,
		TeamRef: TEAM_REF,
	},
	params: {
		competition: "A competition code, e.g. `PL`, `WC`.",
		season: "The year the season starts in, e.g. `2024`.",
		group: "The group, e.g. `GROUP_A`.",
		type: "`TOTAL` (every match), `HOME` or `AWAY` (each team's home or away matches only).",
		matchday:
			"The table as it stood after this matchday: only matches of this matchday or before count (a match played late counts for its own matchday).",
	},
};
