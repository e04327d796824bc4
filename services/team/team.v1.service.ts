// v1.team: one team by its id, with its seasons and squad (GET /api/v1/teams/{id}).
import type { Context, ServiceSchema } from "moleculer";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { teamGetDoc, teamGetParams, type TeamGetParams } from "./team.contract";
import { applyTeamChanges, indexPlayersByTeam, PLAYERS, TEAMS } from "./team.projection";
import { type TeamDetail, teamById } from "./team.query";

/** What this service keeps of the master data, and how. */
export const PROJECTION: ProjectionOptions = {
	database: "v1-team",
	collections: [TEAMS, PLAYERS],
	kinds: ["team", "player"],
	views: { team: TEAMS, player: PLAYERS },
	apply: applyTeamChanges,
	prepare: indexPlayersByTeam,
};

const TeamService: ServiceSchema<{ rest: string }, ProjectionMethods> = {
	name: "team",
	version: 1,
	// Beside the list it details: /api/v1/teams/{id}.
	settings: { rest: "/v1/teams" },
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		get: {
			// Public (see contracts/public-action.ts).
			rest: "GET /:id",
			visibility: "published",
			openapi: teamGetDoc,
			params: teamGetParams,
			cache: LIST_CACHE,
			handler(ctx: Context<TeamGetParams>): Promise<TeamDetail> {
				return teamById(this.collection(TEAMS), this.collection(PLAYERS), ctx.params.id);
			},
		},
	},
};

export default TeamService;
