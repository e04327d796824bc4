// v1.players: lists players, filtered by team, competition, position, nationality or name.
import type { Context, ServiceSchema } from "moleculer";
import { type ListResult, playersListParams, type PlayersListParams } from "../../contracts";
import type { Player } from "../../domain/model";
import { LIST_CACHE, listPage } from "../../mixins/listing";
import { ProjectionMixin, type ProjectionMethods, type ProjectionOptions } from "../../mixins/projection.mixin";
import { applyPlayerChanges, PLAYERS, TEAMS } from "./players.projection";
import { playersPageRequest } from "./players.query";

/** What this service keeps of the master data, and how (the benchmark's monolith reuses it). */
export const PROJECTION: ProjectionOptions = {
	consumer: "v1.players",
	database: "v1-players",
	collections: [PLAYERS, TEAMS],
	kinds: ["team", "player"],
	apply: applyPlayerChanges,
};

const PlayersService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "players",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	actions: {
		list: {
			params: playersListParams,
			cache: LIST_CACHE,
			handler(ctx: Context<PlayersListParams>): Promise<ListResult<Player>> {
				return listPage<Player>(this.collection(PLAYERS), playersPageRequest(ctx.params));
			},
		},
	},
};

export default PlayersService;
