// Operator routes under /api/admin, behind the ADMIN_TOKEN bearer token; absent without one.
// POST /sync asks sync to re-read its source. /keys makes, lists and revokes the API keys of
// clients (storage/api-keys.ts): POST answers the new key, once; nothing else ever shows it.
import { emitEvent, EVENTS } from "../../../contracts";
import { createApiKey, newKeyRequestOf } from "../../../storage/api-keys";
import { body, toHttpError } from "../http/errors";
import type { GatewayStore } from "../../../storage/gateway-store";
import { API_PREFIX } from "../http/public-routes";
import { type Req, type Res, send, sendError } from "../http/reply";

export interface AdminRouteOptions {
	maxBodyBytes: number;
	store: GatewayStore;
	/** The limit of a key made without one. */
	defaultKeyLimit: number;
}

type AliasThis = { broker: Parameters<typeof emitEvent>[0] };
type KeyReq = Req & { body?: unknown; $params?: Record<string, unknown> };

/** Runs an alias, answering its failure in the one error shape (a bad body, the store away). */
function answering(run: (req: KeyReq, res: Res) => Promise<void>) {
	return async function (this: AliasThis, req: KeyReq, res: Res) {
		try {
			await run(req, res);
		} catch (err) {
			const known = (err as { name?: string }).name === "ValidationError";
			sendError(
				res,
				known
					? toHttpError(err)
					: toHttpError({ name: "ServiceUnavailableError", message: String(err) }),
			);
		}
	};
}

export function adminRoute(options: AdminRouteOptions): Record<string, unknown> {
	const { store } = options;
	return {
		path: `${API_PREFIX}/admin`,
		authorization: true,
		aliases: {
			async "POST /sync"(this: AliasThis, req: Req, res: Res) {
				// Sync's one action is its feed: a sync is requested by its event, and happens later.
				await emitEvent(this.broker, EVENTS.syncRequested, { reason: "admin route" });
				send(res, 202, { status: "accepted", requestId: req.$ctx?.requestID ?? null });
			},
			"POST /keys": answering(async (req, res) => {
				const { key, record } = await createApiKey(
					store,
					newKeyRequestOf(req.body),
					options.defaultKeyLimit,
				);
				send(res, 201, { ...record, key });
			}),
			"GET /keys": answering(async (_req, res) => {
				const keys = await store.listKeys();
				send(res, 200, {
					keys: keys.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
				});
			}),
			"DELETE /keys/:id": answering(async (req, res) => {
				const id = String(req.$params?.id ?? "");
				if (await store.revokeKey(id)) {
					res.writeHead(204);
					res.end();
					return;
				}
				sendError(res, {
					status: 404,
					headers: {},
					body: body(
						404,
						"NOT_FOUND",
						`No API key has the id '${id}' (GET /api/admin/keys lists them).`,
					),
				});
			}),
		},
		mappingPolicy: "restrict",
		autoAliases: false,
		bodyParsers: { json: { limit: options.maxBodyBytes, strict: true }, urlencoded: false },
	};
}
