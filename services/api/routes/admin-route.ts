// Operator routes under /api/admin, behind the ADMIN_TOKEN bearer token; absent without one.
import { emitEvent, EVENTS } from "../../../contracts";
import { API_PREFIX } from "../http/public-routes";
import { type Req, type Res, send } from "../http/reply";

export function adminRoute(maxBodyBytes: number): Record<string, unknown> {
	return {
		path: `${API_PREFIX}/admin`,
		authorization: true,
		aliases: {
			async "POST /sync"(
				this: { broker: Parameters<typeof emitEvent>[0] },
				req: Req,
				res: Res,
			) {
				// Sync's one action is its feed: a sync is requested by its event, and happens later.
				await emitEvent(this.broker, EVENTS.syncRequested, { reason: "admin route" });
				send(res, 202, { status: "accepted", requestId: req.$ctx?.requestID ?? null });
			},
		},
		mappingPolicy: "restrict",
		autoAliases: false,
		bodyParsers: { json: { limit: maxBodyBytes, strict: true }, urlencoded: false },
	};
}
