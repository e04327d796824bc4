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
	nullableStr,
	object,
	pageOf,
	paging,
	ref,
	SCORE_LINE,
	TEAM_REF,
	upperSnake,
	WINNER,
	year,
	matchSchema,
	V4_MATCH_SCHEMAS,
} from "../../contracts";
import { MATCH_STATUSES } from "../../domain/model";
import type { V4Match } from "../../domain/v4-match";

export { MATCH_STATUSES, type V4Match };

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
	/** With `team`: only its home (`HOME`) or away (`AWAY`) matches. */
	venue: { type: "enum", values: ["HOME", "AWAY"], optional: true },
	/** Comma-separated match ids: several matches at once (at most 100). */
	ids: {
		type: "string",
		max: 4000,
		trim: true,
		pattern: "^[a-z0-9-]+(,[a-z0-9-]+)*$",
		optional: true,
	},
	// A page of v2 is as big as a page of v1 may be.
	limit: paging.pageSize,
	/** The `next` of the previous page. */
	cursor: { type: "string", min: 1, max: 200, pattern: "^[A-Za-z0-9_-]+$", optional: true },
} as const;

export type ResultsListV2Params = HandlerParams<typeof resultsListV2Params>;

export interface ResultsListV2Result {
	filters: Record<string, string | number>;
	/** Over every match the filters select, not only this page. */
	resultSet: { count: number; first: string | null; last: string | null; played: number };
	matches: V4Match[];
	/** Cursor of the next page; null on the last. */
	next: string | null;
}

/** The match fields v1 and v2 share; they differ in `season` and `score`. */
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
	dateFrom: "Matches on or after this day (YYYY-MM-DD); not after `dateTo`.",
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
		...V4_MATCH_SCHEMAS,
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
		venue: "With `team`: only its home (`HOME`) or away (`AWAY`) matches.",
		ids: "Several match ids, comma-separated (at most 100), e.g. `wc-2022-final-argentina-france`.",
		limit: "Matches per page.",
		cursor: "The `next` of the previous page.",
	},
};
