// v1.head2head: the meetings of two teams and their aggregates (GET /api/v1/head2head?teams=a,b).
import type { Context, ServiceSchema } from "moleculer";
import type { V4Match } from "../../domain/v4-match";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import {
	head2headV1Doc,
	head2headV1Params,
	type Head2HeadV1Params,
	type Head2HeadResult,
} from "./head2head.contract";
import { applyMatchChanges, MATCHES } from "./head2head.projection";
import { head2headOfTeams } from "./head2head.query";

/** What this service keeps of the master data, and how. */
export const PROJECTION: ProjectionOptions = {
	database: "v1-head2head",
	collections: [MATCHES],
	kinds: ["match"],
	views: { match: MATCHES },
	apply: applyMatchChanges,
};

const Head2HeadService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "head2head",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		get: {
			// Public (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: head2headV1Doc,
			params: head2headV1Params,
			cache: LIST_CACHE,
			handler(ctx: Context<Head2HeadV1Params>): Promise<Head2HeadResult<V4Match>> {
				return head2headOfTeams(this.collection(MATCHES), ctx.params);
			},
		},
	},
};

export default Head2HeadService;
