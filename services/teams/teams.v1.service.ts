// v1.teams: lists teams, filtered by competition, season or name.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult } from "../../contracts";
import { teamsListDoc, teamsListParams, type TeamsListParams } from "./teams.contract";
import type { Team } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { applyTeamChanges, TEAMS } from "./teams.projection";
import { teamsPageRequest } from "./teams.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v1-teams",
	collections: [TEAMS],
	kinds: ["team"],
	views: { team: TEAMS },
	apply: applyTeamChanges,
};

const TeamsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "teams",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		list: {
			// Public: served by the gateway at GET /api/<version>/<name> (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: teamsListDoc,
			params: teamsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<TeamsListParams>): Promise<ListResult<Team>> {
				return listPage<Team>(this.collection(TEAMS), teamsPageRequest(ctx.params));
			},
		},
	},
};

export default TeamsService;
