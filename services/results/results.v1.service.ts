// v1.results: lists matches with their scores, newest first.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult, resultsListParams, type ResultsListParams } from "../../contracts";
import type { Match } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import { ProjectionMixin, type ProjectionMethods, type ProjectionOptions } from "../../mixins/projection.mixin";
import { applyMatchChanges, MATCHES } from "./results.projection";
import { resultsPageRequest } from "./results.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	consumer: "v1.results",
	database: "v1-results",
	collections: [MATCHES],
	kinds: ["match"],
	apply: applyMatchChanges,
};

const ResultsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "results",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	actions: {
		list: {
			params: resultsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<ResultsListParams>): Promise<ListResult<Match>> {
				return listPage<Match>(this.collection(MATCHES), resultsPageRequest(ctx.params));
			},
		},
	},
};

export default ResultsService;
