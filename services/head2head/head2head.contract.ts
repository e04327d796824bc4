// The head2head service's contract, both versions: v1 takes any two teams
// (`/api/v1/head2head?teams=argentina,france`), v2 a match, as football-data.org v4 does
// (`/api/v2/matches/{id}/head2head`). Both answer the meetings and their aggregates.
import { Errors } from "moleculer";
import {
	type ActionDoc,
	arrayOf,
	type HandlerParams,
	id,
	int,
	type JsonSchema,
	nullableStr,
	object,
	ref,
	str,
	V4_MATCH_SCHEMAS,
} from "../../contracts";
import type { Head2HeadAggregates } from "../../domain/head2head";

const limit = {
	type: "number",
	integer: true,
	min: 1,
	max: 100,
	default: 10,
	convert: true,
	optional: true,
} as const;

export const head2headV1Params = {
	$$strict: true,
	teams: {
		type: "string",
		max: 241,
		trim: true,
		lowercase: true,
		pattern: "^[a-z0-9-]+,[a-z0-9-]+$",
	},
	limit,
} as const;

export type Head2HeadV1Params = HandlerParams<typeof head2headV1Params>;

export const head2headV2Params = {
	$$strict: true,
	id: { ...id, optional: false },
	limit,
} as const;

export type Head2HeadV2Params = HandlerParams<typeof head2headV2Params>;

/** The answer of both versions; the matches in each version's own shape. */
export interface Head2HeadResult<M> {
	filters: { limit: number };
	resultSet: { count: number; first: string | null; last: string | null };
	aggregates: Head2HeadAggregates;
	matches: M[];
}

function resultSchema(match: string): JsonSchema {
	return object({
		filters: object({ limit: int }),
		resultSet: {
			...object({ count: int, first: nullableStr, last: nullableStr }),
			description:
				"The meetings listed: how many, and the days (YYYY-MM-DD) of the first and last.",
		},
		aggregates: ref("Head2HeadAggregates"),
		matches: { ...arrayOf(match), description: "The meetings, newest first." },
	});
}

const TEAM_RECORD = object({
	id: str,
	name: str,
	wins: int,
	draws: int,
	losses: int,
	goals: { ...int, description: "Scored in play (extra time included, shoot-outs not)." },
});

const AGGREGATES = {
	Head2HeadAggregates: {
		...object({
			numberOfMatches: int,
			totalGoals: int,
			homeTeam: ref("TeamRecord"),
			awayTeam: ref("TeamRecord"),
		}),
		description:
			"Over the meetings listed. `homeTeam` is the first team asked for (v2: the match's home team), whichever side it played on.",
	},
	TeamRecord: TEAM_RECORD,
};

const LIMIT_NOTE = "How many of the latest meetings to list and count.";

export const head2headV1Doc: ActionDoc = {
	summary: "Head-to-head of two teams",
	description:
		"The latest played meetings of the two teams in the data, newest first, in v4's shape, and what they add up to. A shoot-out's winner wins the meeting; an unknown team is a 404 of type `TEAM_NOT_FOUND`.",
	result: ref("Head2HeadV1Result"),
	components: {
		...V4_MATCH_SCHEMAS,
		...AGGREGATES,
		Head2HeadV1Result: resultSchema("V4Match"),
	},
	params: {
		teams: "Two team ids, comma-separated, e.g. `argentina,france`.",
		limit: LIMIT_NOTE,
	},
	examples: { teams: "argentina,france" },
};

export const head2headV2Doc: ActionDoc = {
	summary: "Head-to-head of a match's teams",
	description:
		"The meetings of the match's two teams up to and including the match, newest first, in v4's shape, and their aggregates. An unknown id is a 404 of type `MATCH_NOT_FOUND`.",
	result: ref("Head2HeadV2Result"),
	components: {
		...V4_MATCH_SCHEMAS,
		...AGGREGATES,
		Head2HeadV2Result: resultSchema("V4Match"),
	},
	params: { id: "The match's id, e.g. `wc-2022-final-argentina-france`.", limit: LIMIT_NOTE },
	examples: { id: "wc-2022-final-argentina-france" },
};

/** Two different teams, or a 422 that says so. */
export function twoTeams(teams: string): [string, string] {
	const [a, b] = teams.split(",");
	if (a === b) {
		throw new Errors.ValidationError("The two teams must differ.", "VALIDATION_ERROR", [
			{ type: "teams", field: "teams", message: "The two teams of 'teams' must differ." },
		]);
	}
	return [a, b];
}
