// JSON Schema building blocks for the answers services document, and the shapes several services
// share (a team reference, a score line, a goal, a page of rows). Objects stay open (no
// additionalProperties: false) so that adding a field later does not break a strict client.

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
