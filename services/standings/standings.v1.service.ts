// v1.standings: league tables of competition seasons, and of each group of a cup.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult } from "../../contracts";
import {
	standingsListDoc,
	standingsListParams,
	type StandingsListParams,
} from "./standings.contract";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import {
	applyStandingChanges,
	indexMatchesByTable,
	MATCHES,
	STANDINGS,
} from "./standings.projection";
import { type ShownStanding, standingsPage } from "./standings.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v1-standings",
	collections: [STANDINGS, MATCHES],
	kinds: ["match"],
	views: { match: MATCHES },
	apply: applyStandingChanges,
	// Its index on the table key, made once the store is open.
	prepare: indexMatchesByTable,
};

const StandingsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "standings",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		list: {
			// Public: served by the gateway at GET /api/<version>/<name> (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: standingsListDoc,
			params: standingsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<StandingsListParams>): Promise<ListResult<ShownStanding>> {
				return standingsPage(
					this.collection(STANDINGS),
					this.collection(MATCHES),
					ctx.params,
				);
			},
		},
	},
};

export default StandingsService;
