// JSON Schema building blocks for the answers services document, and the shapes several services
// share (a team reference, a score line, a goal, a page of rows). Objects stay open (no
// additionalProperties: false) so that adding a field later does not break a strict client.
import { MATCH_STATUSES } from "../domain/model";

export type JsonSchema = Record<string, unknown>;

export const str = { type: "string" } as const;
export const int = { type: "integer" } as const;
export const bool = { type: "boolean" } as const;
export const nullableInt = { type: ["integer", "null"] } as const;
export const nullableStr = { type: ["string", "null"] } as const;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const arrayOf = (name: string): JsonSchema => ({ type: "array", items: ref(name) });

/** An object whose properties are all required except those named. */
export function object(properties: Record<string, unknown>, optional: string[] = []): JsonSchema {
	return {
		type: "object",
		required: Object.keys(properties).filter(key => !optional.includes(key)),
		properties,
	};
}

/** `{ rows, page, pageSize, total, totalPages }` of the named row schema (contracts/list-result.ts). */
export function pageOf(row: string): JsonSchema {
	return object({
		rows: arrayOf(row),
		page: { type: "integer", minimum: 1 },
		pageSize: { type: "integer", minimum: 1 },
		total: { type: "integer", minimum: 0 },
		totalPages: { type: "integer", minimum: 0 },
	});
}

export const AREA = object({ name: str, code: str });
export const TEAM_REF = object({ id: str, name: str, tla: str });
export const COMPETITION_REF = object({ code: str, name: str });
export const SCORE_LINE = object({ home: nullableInt, away: nullableInt });
export const WINNER = { type: ["string", "null"], enum: ["HOME_TEAM", "AWAY_TEAM", "DRAW", null] };
export const DURATION = { type: "string", enum: ["REGULAR", "EXTRA_TIME", "PENALTY_SHOOTOUT"] };
export const GOAL = object({
	minute: int,
	injuryTime: {
		...nullableInt,
		description: "Minutes added to `minute` (90+4 is minute 90, injuryTime 4).",
	},
	scorer: object({ name: str }),
	team: ref("TeamRef"),
	penalty: bool,
	ownGoal: bool,
});

/** A match with its season and score as the version at hand shapes them. */
export function matchSchema(
	season: unknown,
	score: unknown,
	more: Record<string, unknown> = {},
): JsonSchema {
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
		...more,
	});
}

/** A match in football-data.org v4's shape (domain/v4-match.ts) and every schema it names. */
export const V4_MATCH_SCHEMAS: Record<string, JsonSchema> = {
	CompetitionRef: COMPETITION_REF,
	TeamRef: TEAM_REF,
	ScoreLine: SCORE_LINE,
	Goal: GOAL,
	V4Match: matchSchema(object({ year: int }), ref("V4Score"), {
		minute: {
			...nullableInt,
			description:
				"While the match is in play (IN_PLAY, PAUSED): the minute of the last event a live source reported; null otherwise.",
		},
		injuryTime: { ...nullableInt, description: "Minutes added to `minute`, in added time." },
	}),
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
};
