// v2.matches: one match by its id, in football-data.org v4's shape (GET /api/v2/matches/{id}).
import type { Context, ServiceSchema } from "moleculer";
import type { V4Match } from "../../domain/v4-match";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { matchesGetDoc, matchesGetParams, type MatchesGetParams } from "./matches.contract";
import { applyMatchChanges, MATCHES } from "./matches.projection";
import { matchById } from "./matches.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v2-matches",
	collections: [MATCHES],
	kinds: ["match"],
	views: { match: MATCHES },
	apply: applyMatchChanges,
};

const MatchesService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "matches",
	version: 2,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		get: {
			// Public: served by the gateway at GET /api/v2/matches/{id} (see contracts/public-action.ts).
			rest: "GET /:id",
			visibility: "published",
			openapi: matchesGetDoc,
			params: matchesGetParams,
			// One entry per id, cleared when the projection applies changes.
			cache: LIST_CACHE,
			handler(ctx: Context<MatchesGetParams>): Promise<V4Match> {
				return matchById(this.collection(MATCHES), ctx.params.id);
			},
		},
	},
};

export default MatchesService;
