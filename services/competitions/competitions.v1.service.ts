// v1.competitions: lists competitions with their seasons, filtered by type or area.
import type { Context, ServiceSchema } from "moleculer";
import { competitionsListParams, type CompetitionsListParams, type ListResult } from "../../contracts";
import type { Competition } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import { ProjectionMixin, type ProjectionMethods, type ProjectionOptions } from "../../mixins/projection.mixin";
import { applyCompetitionChanges, COMPETITIONS } from "./competitions.projection";
import { competitionsPageRequest } from "./competitions.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	consumer: "v1.competitions",
	database: "v1-competitions",
	collections: [COMPETITIONS],
	kinds: ["competition"],
	apply: applyCompetitionChanges,
};

const CompetitionsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "competitions",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	actions: {
		list: {
			params: competitionsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<CompetitionsListParams>): Promise<ListResult<Competition>> {
				return listPage<Competition>(this.collection(COMPETITIONS), competitionsPageRequest(ctx.params));
			},
		},
	},
};

export default CompetitionsService;
