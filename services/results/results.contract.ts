// The results service's contract, both versions: v1 pages matches in matchday's shape; v2 answers
// football-data.org v4's shape with a summary and cursor paging. Params schemas (validator,
// types and docs come from them) and the documented answers.
import {
	type ActionDoc,
	arrayOf,
	code,
	COMPETITION_REF,
	DURATION,
	GOAL,
	type HandlerParams,
	id,
	int,
	isoDate,
	nullableInt,
	nullableStr,
	object,
	pageOf,
	paging,
	ref,
	SCORE_LINE,
	str,
	TEAM_REF,
	upperSnake,
	WINNER,
	year,
	type JsonSchema,
} from "../../contracts";
import type { Match, MatchStatus, ScoreLine } from "../../domain/model";

export const MATCH_STATUSES: MatchStatus[] = ["FINISHED", "SCHEDULED", "POSTPONED", "AWARDED"];

/** The filters of every version of results. */
const matchFilters = {
	competition: code,
	season: year,
	team: id,
	dateFrom: isoDate,
	dateTo: isoDate,
	status: { type: "enum", values: MATCH_STATUSES, optional: true },
	matchday: { type: "number", integer: true, min: 1, max: 100, convert: true, optional: true },
	stage: upperSnake,
	group: upperSnake,
} as const;

export const resultsListParams = {
	$$strict: true,
	...matchFilters,
	...paging,
} as const;

export type ResultsListParams = HandlerParams<typeof resultsListParams>;

/** v2: football-data.org v4's contract, several competitions at once, and cursor paging. */
export const resultsListV2Params = {
	$$strict: true,
	...matchFilters,
	/** Comma-separated codes, e.g. `PL,CL`. */
	competitions: {
		type: "string",
		max: 100,
		trim: true,
		uppercase: true,
		pattern: "^[A-Z0-9]+(,[A-Z0-9]+)*$",
		optional: true,
	},
	// A page of v2 is as big as a page of v1 may be.
	limit: paging.pageSize,
	/** The `next` of the previous page. */
	cursor: { type: "string", min: 1, max: 200, pattern: "^[A-Za-z0-9_-]+$", optional: true },
} as const;

export type ResultsListV2Params = HandlerParams<typeof resultsListV2Params>;

/** A match as football-data.org v4 shows it. */
export interface V4Match {
	id: string;
	competition: { code: string; name: string };
	season: { year: number };
	utcDate: string;
	status: Match["status"];
	matchday: number | null;
	stage: string;
	group: string | null;
	homeTeam: Match["homeTeam"];
	awayTeam: Match["awayTeam"];
	score: {
		winner: Match["score"]["winner"];
		duration: Match["score"]["duration"];
		/** The final result: regular time, plus extra time and the shoot-out where played. */
		fullTime: ScoreLine;
		halfTime: ScoreLine;
		/** Present when the match went beyond 90 minutes: the score after 90. */
		regularTime?: ScoreLine;
		/** Goals scored in extra time only. */
		extraTime?: ScoreLine;
		penalties?: ScoreLine;
	};
	goals: Match["goals"];
}

export interface ResultsListV2Result {
	filters: Record<string, string | number>;
	/** Over every match the filters select, not only this page. */
	resultSet: { count: number; first: string | null; last: string | null; played: number };
	matches: V4Match[];
	/** Cursor of the next page; null on the last. */
	next: string | null;
}

/** The match fields v1 and v2 share; they differ in `season` and `score`. */
function matchSchema(season: unknown, score: unknown): JsonSchema {
	return object({
		id: str,
		competition: ref("CompetitionRef"),
		season,
		utcDate: { type: "string", format: "date-time" },
		status: { type: "string", enum: [...MATCH_STATUSES] },
		matchday: nullableInt,
		stage: str,
		group: nullableStr,
		homeTeam: ref("TeamRef"),
		awayTeam: ref("TeamRef"),
		score,
		goals: arrayOf("Goal"),
	});
}

const SHARED = {
	CompetitionRef: COMPETITION_REF,
	TeamRef: TEAM_REF,
	ScoreLine: SCORE_LINE,
	Goal: GOAL,
};

const FILTER_NOTES = {
	competition: "A competition code, e.g. `PL`, `WC`.",
	season: "The year the season starts in, e.g. `2024`.",
	team: "A team's id, e.g. `argentina`: its matches home or away.",
	dateFrom: "Matches on or after this day (YYYY-MM-DD).",
	dateTo: "Matches on or before this day (YYYY-MM-DD).",
	status: "The match's status.",
	matchday: "The matchday number.",
	stage: "The stage, e.g. `FINAL`, `GROUP_STAGE`.",
	group: "The group, e.g. `GROUP_A`.",
};

export const resultsListDoc: ActionDoc = {
	summary: "List results",
	result: ref("MatchesPage"),
	components: {
		...SHARED,
		MatchesPage: pageOf("Match"),
		Match: matchSchema(int, ref("Score")),
		Score: object({
			winner: WINNER,
			duration: DURATION,
			fullTime: { ...ref("ScoreLine"), description: "After 90 minutes." },
			halfTime: ref("ScoreLine"),
			extraTime: {
				...ref("ScoreLine"),
				description: "After extra time, cumulative (120 minutes).",
			},
			penalties: ref("ScoreLine"),
		}),
	},
	params: FILTER_NOTES,
	deprecated: { successor: "v2.results.list" },
};

export const resultsListV2Doc: ActionDoc = {
	summary: "List results",
	result: ref("ResultsListV2Result"),
	components: {
		...SHARED,
		V4Match: matchSchema(object({ year: int }), ref("V4Score")),
		V4Score: object(
			{
				winner: WINNER,
				duration: DURATION,
				fullTime: {
					...ref("ScoreLine"),
					description:
						"The final result: regular time, plus extra time and the shoot-out where played.",
				},
				halfTime: ref("ScoreLine"),
				regularTime: {
					...ref("ScoreLine"),
					description: "The score after 90 minutes, when the match went beyond.",
				},
				extraTime: { ...ref("ScoreLine"), description: "Goals scored in extra time only." },
				penalties: ref("ScoreLine"),
			},
			["regularTime", "extraTime", "penalties"],
		),
		ResultsListV2Result: object({
			filters: {
				type: "object",
				description: "The filters applied, as read.",
				additionalProperties: { type: ["string", "number"] },
			},
			resultSet: {
				...object({ count: int, first: nullableStr, last: nullableStr, played: int }),
				description:
					"Over every match the filters select, not only this page; `first` and `last` are days (YYYY-MM-DD).",
			},
			matches: arrayOf("V4Match"),
			next: { ...nullableStr, description: "The cursor of the next page; null on the last." },
		}),
	},
	params: {
		...FILTER_NOTES,
		competitions: "Several competition codes, comma-separated, e.g. `PL,CL`.",
		limit: "Matches per page.",
		cursor: "The `next` of the previous page.",
	},
};
