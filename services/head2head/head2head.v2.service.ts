// v2.head2head: the meetings of two teams and their aggregates (GET /api/v2/matches/{id}/head2head).
import type { Context, ServiceSchema } from "moleculer";
import type { V4Match } from "../../domain/v4-match";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import {
	head2headV2Doc,
	head2headV2Params,
	type Head2HeadV2Params,
	type Head2HeadResult,
} from "./head2head.contract";
import { applyMatchChanges, MATCHES } from "./head2head.projection";
import { head2headOfMatch } from "./head2head.query";

/** What this service keeps of the master data, and how. */
export const PROJECTION: ProjectionOptions = {
	database: "v2-head2head",
	collections: [MATCHES],
	kinds: ["match"],
	views: { match: MATCHES },
	apply: applyMatchChanges,
};

const Head2HeadService: ServiceSchema<{ rest: string }, ProjectionMethods> = {
	name: "head2head",
	version: 2,
	// Under the matches it is about, as football-data.org v4 has it: /api/v2/matches/{id}/head2head.
	settings: { rest: "/v2/matches" },
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		get: {
			// Public (see contracts/public-action.ts).
			rest: "GET /:id/head2head",
			visibility: "published",
			openapi: head2headV2Doc,
			params: head2headV2Params,
			cache: LIST_CACHE,
			handler(ctx: Context<Head2HeadV2Params>): Promise<Head2HeadResult<V4Match>> {
				return head2headOfMatch(this.collection(MATCHES), ctx.params);
			},
		},
	},
};

export default Head2HeadService;
