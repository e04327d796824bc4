// Turns `v2.results.list` params into a query on the v2 projection, with keyset (cursor)
// paging: a page starts after the sort key of the previous page's last row, so rows added or
// removed meanwhile never make a client skip or repeat one.
import { Errors } from "moleculer";
import type { ResultsListV2Params } from "../../contracts";
import type { Query, Sort } from "../../mixins/collections";
import { matchFilter } from "./results.query";
import { type Cursor, decodeCursor } from "./results.v2.view";

export const V2_SORT: Sort = [["utcDate", -1], ["_id", 1]];

/** The filters alone (what the resultSet summarises). */
export function v2Filter(params: ResultsListV2Params): Query {
	const query = matchFilter(params, "season.year");
	const codes = [params.competition, ...(params.competitions?.split(",") ?? [])].filter((c): c is string => Boolean(c));
	if (codes.length === 1) query["competition.code"] = codes[0];
	if (codes.length > 1) query["competition.code"] = { $in: [...new Set(codes)] };
	return query;
}

/** Rows after the cursor, in V2_SORT order (newest first, then by id). */
export function afterCursor(cursor: Cursor): Query {
	return { $or: [{ utcDate: { $lt: cursor.utcDate } }, { utcDate: cursor.utcDate, _id: { $gt: cursor.id } }] };
}

export function readCursor(text: string | undefined): Cursor | null {
	if (text === undefined) return null;
	const cursor = decodeCursor(text);
	if (!cursor) {
		throw new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", [
			{ type: "cursor", field: "cursor", message: "The 'cursor' field must be the 'next' value of a previous page.", actual: text },
		]);
	}
	return cursor;
}

/** The filters as the response echoes them. */
export function echoFilters(params: ResultsListV2Params): Record<string, string | number> {
	const echo: Record<string, string | number> = {};
	for (const key of ["competition", "competitions", "season", "team", "dateFrom", "dateTo", "status", "matchday", "stage", "group"] as const) {
		const value = params[key];
		if (value !== undefined) echo[key] = value;
	}
	return echo;
}
