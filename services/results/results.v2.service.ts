// v2.results: matches in football-data.org's v4 contract, with a resultSet summary, several
// competitions at once and cursor paging. Runs beside v1.results on a database of its own.
import type { Context, ServiceSchema } from "moleculer";
import {
	resultsListV2Doc,
	type ResultsListV2Params,
	resultsListV2Params,
	type ResultsListV2Result,
} from "./results.contract";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { applyMatchChangesV2, MATCHES_V2 } from "./results.v2.projection";
import { listResultsV2 } from "./results.v2.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v2-results",
	collections: [MATCHES_V2],
	kinds: ["match"],
	views: { match: MATCHES_V2 },
	apply: applyMatchChangesV2,
};

const ResultsV2Service: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "results",
	version: 2,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		list: {
			// Public: served by the gateway at GET /api/<version>/<name> (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: resultsListV2Doc,
			params: resultsListV2Params,
			cache: LIST_CACHE,
			handler(ctx: Context<ResultsListV2Params>): Promise<ResultsListV2Result> {
				return listResultsV2(this.collection(MATCHES_V2), ctx.params);
			},
		},
	},
};

export default ResultsV2Service;
