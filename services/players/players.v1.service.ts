// v1.players: lists players, filtered by team, competition, position, nationality or name.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult } from "../../contracts";
import { playersListDoc, playersListParams, type PlayersListParams } from "./players.contract";
import type { Player } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { applyPlayerChanges, PLAYERS, TEAMS } from "./players.projection";
import { playersPageRequest } from "./players.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	database: "v1-players",
	collections: [PLAYERS, TEAMS],
	kinds: ["team", "player"],
	views: { player: PLAYERS, team: TEAMS },
	apply: applyPlayerChanges,
};

const PlayersService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "players",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 2 } },
	actions: {
		list: {
			// Public: served by the gateway at GET /api/<version>/<name> (see contracts/public-action.ts).
			rest: "GET /",
			visibility: "published",
			openapi: playersListDoc,
			params: playersListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<PlayersListParams>): Promise<ListResult<Player>> {
				return listPage<Player>(this.collection(PLAYERS), playersPageRequest(ctx.params));
			},
		},
	},
};

export default PlayersService;
