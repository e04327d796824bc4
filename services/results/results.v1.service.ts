// v1.results: lists matches with their scores, newest first.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult } from "../../contracts";
import { resultsListDoc, resultsListParams, type ResultsListParams } from "./results.contract";
import type { Match } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { applyMatchChanges, MATCHES } from "./results.projection";
import { resultsPageRequest } from "./results.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v1-results",
	collections: [MATCHES],
	kinds: ["match"],
	views: { match: MATCHES },
	apply: applyMatchChanges,
};

const ResultsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "results",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 2 } },
	actions: {
		list: {
			// Public: served by the gateway at GET /api/<version>/<name> (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: resultsListDoc,
			params: resultsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<ResultsListParams>): Promise<ListResult<Match>> {
				return listPage<Match>(this.collection(MATCHES), resultsPageRequest(ctx.params));
			},
		},
	},
};

export default ResultsService;
