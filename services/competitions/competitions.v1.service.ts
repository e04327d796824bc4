// v1.competitions: lists competitions with their seasons, filtered by type or area.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult } from "../../contracts";
import {
	competitionsListDoc,
	competitionsListParams,
	type CompetitionsListParams,
} from "./competitions.contract";
import type { Competition } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { applyCompetitionChanges, COMPETITIONS } from "./competitions.projection";
import { competitionsPageRequest } from "./competitions.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v1-competitions",
	collections: [COMPETITIONS],
	kinds: ["competition"],
	views: { competition: COMPETITIONS },
	apply: applyCompetitionChanges,
};

const CompetitionsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "competitions",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		list: {
			// Public: served by the gateway at GET /api/<version>/<name> (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: competitionsListDoc,
			params: competitionsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<CompetitionsListParams>): Promise<ListResult<Competition>> {
				return listPage<Competition>(
					this.collection(COMPETITIONS),
					competitionsPageRequest(ctx.params),
				);
			},
		},
	},
};

export default CompetitionsService;
