// v1.live: what the live stream (`GET /api/v1/live`, served by the gateway) shows. Its one
// action answers the changes live events made to matches after a seq of the change log; the
// gateway reads it when a client connects (from its Last-Event-ID) and each time this
// projection moves (`projection.updated`), and pushes what it reads to its streams.
import type { Context, ServiceSchema } from "moleculer";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { liveSinceParams, type LiveSinceParams, type LiveSinceResult } from "./live.contract";
import { applyLiveChanges, HISTORY, MATCHES } from "./live.projection";
import { entriesAfter } from "./live.query";

export const PROJECTION: ProjectionOptions = {
	database: "v1-live",
	collections: [MATCHES, HISTORY],
	kinds: ["match"],
	views: { match: MATCHES },
	apply: applyLiveChanges,
	prepare: async service => {
		await service.collection(HISTORY).ensureIndex("seq");
	},
};

const LiveService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "live",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	metadata: { deployment: { replicas: 1 } },
	actions: {
		since: {
			// Called by the gateway's live stream: no `rest` route of its own.
			visibility: "public",
			params: liveSinceParams,
			async handler(ctx: Context<LiveSinceParams>): Promise<LiveSinceResult> {
				// The checkpoint first: entries written after it was read are only more up to date.
				const head = (this as unknown as { checkpoint: number }).checkpoint ?? 0;
				const entries = await entriesAfter(this.collection(HISTORY), ctx.params);
				return { head: Math.max(head, entries.at(-1)?.seq ?? 0), entries };
			},
		},
	},
};

export default LiveService;
