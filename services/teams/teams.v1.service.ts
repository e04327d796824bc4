// v1.teams: lists teams, filtered by competition, season or name.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult, teamsListParams, type TeamsListParams } from "../../contracts";
import type { Team } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import { ProjectionMixin, type ProjectionMethods, type ProjectionOptions } from "../../mixins/projection.mixin";
import { applyTeamChanges, TEAMS } from "./teams.projection";
import { teamsPageRequest } from "./teams.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	consumer: "v1.teams",
	database: "v1-teams",
	collections: [TEAMS],
	kinds: ["team"],
	apply: applyTeamChanges,
};

const TeamsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "teams",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	actions: {
		list: {
			params: teamsListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<TeamsListParams>): Promise<ListResult<Team>> {
				return listPage<Team>(this.collection(TEAMS), teamsPageRequest(ctx.params));
			},
		},
	},
};

export default TeamsService;
