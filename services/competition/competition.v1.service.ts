// v1.competition: one competition by its code, with its seasons (GET /api/v1/competitions/{code}).
import type { Context, ServiceSchema } from "moleculer";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import {
	competitionGetDoc,
	competitionGetParams,
	type CompetitionGetParams,
} from "./competition.contract";
import {
	applyCompetitionChanges,
	COMPETITIONS,
	indexMatchesByCompetition,
	MATCHES,
} from "./competition.projection";
import { type CompetitionDetail, competitionByCode } from "./competition.query";

/** What this service keeps of the master data, and how. */
export const PROJECTION: ProjectionOptions = {
	database: "v1-competition",
	collections: [COMPETITIONS, MATCHES],
	kinds: ["competition", "match"],
	views: { competition: COMPETITIONS, match: MATCHES },
	apply: applyCompetitionChanges,
	prepare: indexMatchesByCompetition,
};

const CompetitionService: ServiceSchema<{ rest: string }, ProjectionMethods> = {
	name: "competition",
	version: 1,
	// Beside the list it details: /api/v1/competitions/{code}.
	settings: { rest: "/v1/competitions" },
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		get: {
			// Public (see contracts/public-action.ts).
			rest: "GET /:code",
			visibility: "published",
			openapi: competitionGetDoc,
			params: competitionGetParams,
			cache: LIST_CACHE,
			handler(ctx: Context<CompetitionGetParams>): Promise<CompetitionDetail> {
				return competitionByCode(
					this.collection(COMPETITIONS),
					this.collection(MATCHES),
					ctx.params.code,
				);
			},
		},
	},
};

export default CompetitionService;
