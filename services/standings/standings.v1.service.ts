// v1.standings: league tables of competition seasons, and of each group of a cup.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult, standingsListParams, type StandingsListParams } from "../../contracts";
import type { Standing } from "../../domain/standings";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import { ProjectionMixin, type ProjectionMethods, type ProjectionOptions } from "../../mixins/projection.mixin";
import { applyStandingChanges, indexMatchesByTable, MATCHES, STANDINGS } from "./standings.projection";
import { standingsPageRequest } from "./standings.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	consumer: "v1.standings",
	database: "v1-standings",
	collections: [STANDINGS, MATCHES],
	kinds: ["match"],
	apply: applyStandingChanges,
};

const StandingsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "standings",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	actions: {
		list: {
			params: standingsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<StandingsListParams>): Promise<ListResult<Standing>> {
				return listPage<Standing>(this.collection(STANDINGS), standingsPageRequest(ctx.params));
			},
		},
	},
	// After the mixins' started(): the store is connected by then.
	started() {
		return indexMatchesByTable(this);
	},
};

export default StandingsService;
