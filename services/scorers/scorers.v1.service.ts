// v1.scorers: the top scorers of a competition, in one season or over all that record scorers.
import type { Context, ServiceSchema } from "moleculer";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { scorersListDoc, scorersListParams, type ScorersListParams } from "./scorers.contract";
import { applyScorerChanges, MATCHES, PLAYERS } from "./scorers.projection";
import { type ScorersPage, scorersPage } from "./scorers.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v1-scorers",
	collections: [MATCHES, PLAYERS],
	kinds: ["match", "player"],
	views: { match: MATCHES, player: PLAYERS },
	apply: applyScorerChanges,
};

const ScorersService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "scorers",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		list: {
			// Public: served by the gateway at GET /api/<version>/<name> (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: scorersListDoc,
			params: scorersListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<ScorersListParams>): Promise<ScorersPage> {
				return scorersPage(this.collection(MATCHES), this.collection(PLAYERS), ctx.params);
			},
		},
	},
};

export default ScorersService;
