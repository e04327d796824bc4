// Turns `v1.results.list` params into a page request on the matches projection.
import { Errors } from "moleculer";
import type { ResultsListParams } from "./results.contract";
import type { Query } from "../../storage/collections";
import type { PageRequest } from "../../mixins/listing";

/** Checks that an ISO date is a real calendar day (2023-02-30 is not). */
export function isCalendarDate(date: string): boolean {
	const parsed = new Date(`${date}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date);
}

export function nextDay(date: string): string {
	const day = new Date(`${date}T00:00:00Z`);
	day.setUTCDate(day.getUTCDate() + 1);
	return day.toISOString().slice(0, 10);
}

/** Refuses dates that are not on the calendar and ranges that run backwards (422, naming the field). */
export function checkDates(params: Pick<ResultsListParams, "dateFrom" | "dateTo">): void {
	const bad = (["dateFrom", "dateTo"] as const)
		.filter(field => params[field] !== undefined && !isCalendarDate(params[field]!))
		.map(field => ({
			type: "date",
			field,
			message: `The '${field}' field must be a real date (YYYY-MM-DD).`,
			actual: params[field],
		}));
	if (bad.length === 0 && params.dateFrom && params.dateTo && params.dateFrom > params.dateTo) {
		bad.push({
			type: "dateRange",
			field: "dateFrom",
			message: "The 'dateFrom' field must not be after 'dateTo'.",
			actual: params.dateFrom,
		});
	}
	if (bad.length > 0)
		throw new Errors.ValidationError("Parameters validation error!", "VALIDATION_ERROR", bad);
}

/** The filters both versions share; `seasonField` is where each version keeps the season. */
export function matchFilter(
	params: Omit<ResultsListParams, "page" | "pageSize" | "competition">,
	seasonField: string,
): Query {
	checkDates(params);
	const query: Query = {};
	if (params.season) query[seasonField] = params.season;
	if (params.team) query._teams = params.team;
	if (params.status) query.status = params.status;
	if (params.matchday) query.matchday = params.matchday;
	if (params.stage) query.stage = params.stage;
	if (params.group) query.group = params.group;
	if (params.dateFrom || params.dateTo) {
		const range: Record<string, string> = {};
		if (params.dateFrom) range.$gte = params.dateFrom;
		// utcDate is a full ISO instant; anything on dateTo's day sorts before the next day.
		if (params.dateTo) range.$lt = nextDay(params.dateTo);
		query.utcDate = range;
	}
	return query;
}

export function resultsPageRequest(params: ResultsListParams): PageRequest {
	const query = matchFilter(params, "season");
	if (params.competition) query["competition.code"] = params.competition;
	return {
		query,
		sort: [
			["utcDate", -1],
			["_id", 1],
		],
		page: params.page,
		pageSize: params.pageSize,
		hidden: ["_teams"],
	};
}
