// v2.results: matches in football-data.org's v4 contract, with a resultSet summary, several
// competitions at once and cursor paging. Runs beside v1.results on a database of its own.
import type { Context, ServiceSchema } from "moleculer";
import { type ResultsListV2Params, resultsListV2Params, type ResultsListV2Result, type V4Match } from "../../contracts";
import { LIST_CACHE } from "../../mixins/listing";
import { ProjectionMixin, type ProjectionMethods } from "../../mixins/projection.mixin";
import { applyMatchChangesV2, MATCHES_V2 } from "./results.v2.projection";
import { afterCursor, echoFilters, readCursor, V2_SORT, v2Filter } from "./results.v2.query";
import { encodeCursor } from "./results.v2.view";

const HIDDEN = ["_id", "_seq", "_deleted", "_teams"];

const ResultsV2Service: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "results",
	version: 2,
	mixins: [
		ProjectionMixin({ consumer: "v2.results", database: "v2-results", collections: [MATCHES_V2], kinds: ["match"], apply: applyMatchChangesV2 }),
	],
	actions: {
		list: {
			params: resultsListV2Params,
			cache: LIST_CACHE,
			async handler(ctx: Context<ResultsListV2Params>): Promise<ResultsListV2Result> {
				const { limit = 20 } = ctx.params;
				const matches = this.collection(MATCHES_V2);
				const filter = { ...v2Filter(ctx.params), _deleted: false };
				const cursor = readCursor(ctx.params.cursor);
				const pageQuery = cursor ? { $and: [filter, afterCursor(cursor)] } : filter;
				const [count, played, oldest, newest, rows] = await Promise.all([
					matches.count(filter),
					matches.count({ ...filter, status: "FINISHED" }),
					matches.find(filter, { sort: [["utcDate", 1]], limit: 1 }),
					matches.find(filter, { sort: [["utcDate", -1]], limit: 1 }),
					// One more than asked tells whether there is a next page.
					matches.find(pageQuery, { sort: V2_SORT, limit: limit + 1 }),
				]);
				const page = rows.slice(0, limit);
				const last = page[page.length - 1];
				return {
					filters: echoFilters(ctx.params),
					resultSet: {
						count,
						first: oldest[0] ? String(oldest[0].utcDate).slice(0, 10) : null,
						last: newest[0] ? String(newest[0].utcDate).slice(0, 10) : null,
						played,
					},
					matches: page.map(row => Object.fromEntries(Object.entries(row).filter(([key]) => !HIDDEN.includes(key))) as unknown as V4Match),
					next: rows.length > limit && last ? encodeCursor({ utcDate: String(last.utcDate), id: String(last._id) }) : null,
				};
			},
		},
	},
};

export default ResultsV2Service;
