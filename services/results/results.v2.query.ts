// Turns `v2.results.list` params into a query on the v2 projection, with keyset (cursor)
// paging: a page starts after the sort key of the previous page's last row, so rows added or
// removed meanwhile never make a client skip or repeat one.
import { Errors } from "moleculer";
import type { ResultsListV2Params, ResultsListV2Result, V4Match } from "./results.contract";
import type { DocumentCollection, Query, Sort, StoredDoc } from "../../storage/collections";
import { BOOKKEEPING } from "../../mixins/listing";
import { matchFilter } from "./results.query";
import { type Cursor, decodeCursor, encodeCursor } from "./results.v2.view";

/** Bookkeeping fields of the stored views, and the teams' search key: never shown. */
const HIDDEN = [...BOOKKEEPING, "_teams"];

export const V2_SORT: Sort = [
	["utcDate", -1],
	["_id", 1],
];

/** At most this many ids in one `ids`. */
export const MAX_IDS = 100;

function invalid(field: string, message: string, actual: unknown): Errors.ValidationError {
	return new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", [
		{ type: field, field, message, actual },
	]);
}

/** `venue` narrows `team` to one side; `ids` picks matches by id. */
function venueAndIds(params: ResultsListV2Params, query: Query): void {
	if (params.venue) {
		if (!params.team)
			throw invalid(
				"venue",
				"The 'venue' field needs 'team': whose home or away matches.",
				params.venue,
			);
		delete query._teams;
		query[params.venue === "HOME" ? "homeTeam.id" : "awayTeam.id"] = params.team;
	}
	if (params.ids) {
		const ids = [...new Set(params.ids.split(","))];
		if (ids.length > MAX_IDS)
			throw invalid("ids", `The 'ids' field names at most ${MAX_IDS} matches.`, ids.length);
		query._id = { $in: ids };
	}
}

/** The filters alone (what the resultSet summarises). */
export function v2Filter(params: ResultsListV2Params): Query {
	const query = matchFilter(params, "season.year");
	venueAndIds(params, query);
	const codes = [params.competition, ...(params.competitions?.split(",") ?? [])].filter(
		(c): c is string => Boolean(c),
	);
	if (codes.length === 1) query["competition.code"] = codes[0];
	if (codes.length > 1) query["competition.code"] = { $in: [...new Set(codes)] };
	return query;
}

/** Rows after the cursor, in V2_SORT order (newest first, then by id). */
export function afterCursor(cursor: Cursor): Query {
	return {
		$or: [
			{ utcDate: { $lt: cursor.utcDate } },
			{ utcDate: cursor.utcDate, _id: { $gt: cursor.id } },
		],
	};
}

export function readCursor(text: string | undefined): Cursor | null {
	if (text === undefined) return null;
	const cursor = decodeCursor(text);
	if (!cursor) {
		throw new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", [
			{
				type: "cursor",
				field: "cursor",
				message: "The 'cursor' field must be the 'next' value of a previous page.",
				actual: text,
			},
		]);
	}
	return cursor;
}

/** The filters as the response echoes them. */
export function echoFilters(params: ResultsListV2Params): Record<string, string | number> {
	const echo: Record<string, string | number> = {};
	for (const key of [
		"competition",
		"competitions",
		"season",
		"team",
		"dateFrom",
		"dateTo",
		"status",
		"matchday",
		"stage",
		"group",
		"venue",
		"ids",
	] as const) {
		const value = params[key];
		if (value !== undefined) echo[key] = value;
	}
	return echo;
}

/** One page of v2 results with its summary: what `v2.results.list` answers (and the benchmark's monolith). */
export async function listResultsV2(
	matches: DocumentCollection,
	params: ResultsListV2Params,
): Promise<ResultsListV2Result> {
	const { limit = 20 } = params;
	const filter = { ...v2Filter(params), _deleted: false };
	const cursor = readCursor(params.cursor);
	// One more than asked tells whether there is a next page.
	const reading = matches.find(cursor ? { $and: [filter, afterCursor(cursor)] } : filter, {
		sort: V2_SORT,
		limit: limit + 1,
	});
	// Only the first page shows where the result set starts: later pages ask for both ends at once.
	const [rows, byStatus, storedEnds] = await Promise.all([
		reading,
		matches.countBy(filter, "status"),
		cursor ? resultSetEnds(matches, filter) : null,
	]);
	const page = rows.slice(0, limit);
	const last = page[page.length - 1];
	const hasNext = rows.length > limit;
	const { newest, oldest } = storedEnds ?? (await firstPageEnds(matches, filter, page, hasNext));
	return {
		filters: echoFilters(params),
		resultSet: {
			count: [...byStatus.values()].reduce((sum, n) => sum + n, 0),
			first: oldest ? String(oldest.utcDate).slice(0, 10) : null,
			last: newest ? String(newest.utcDate).slice(0, 10) : null,
			// Of the matches the filters select: with status=SCHEDULED, none.
			played: byStatus.get("FINISHED") ?? 0,
		},
		matches: page.map(
			row =>
				Object.fromEntries(
					Object.entries(row).filter(([key]) => !HIDDEN.includes(key)),
				) as unknown as V4Match,
		),
		next:
			hasNext && last
				? encodeCursor({ utcDate: String(last.utcDate), id: String(last._id) })
				: null,
	};
}

interface Ends {
	newest?: StoredDoc;
	oldest?: StoredDoc;
}

/** The newest and the oldest match of the whole result set, read from the store. */
async function resultSetEnds(matches: DocumentCollection, filter: Query): Promise<Ends> {
	const [newest, oldest] = await Promise.all([
		endOf(matches, filter, -1),
		endOf(matches, filter, 1),
	]);
	return { newest, oldest };
}

/**
 * The same, for the first page: it starts with the newest and, when it is also the last page,
 * ends with the oldest. Each query saved is a read of every match on a server without indexes
 * (FerretDB v1 on SQLite).
 */
async function firstPageEnds(
	matches: DocumentCollection,
	filter: Query,
	page: StoredDoc[],
	hasNext: boolean,
): Promise<Ends> {
	return {
		newest: page[0],
		oldest: hasNext ? await endOf(matches, filter, 1) : page[page.length - 1],
	};
}

async function endOf(
	matches: DocumentCollection,
	filter: Query,
	direction: 1 | -1,
): Promise<StoredDoc | undefined> {
	return (await matches.find(filter, { sort: [["utcDate", direction]], limit: 1 }))[0];
}
