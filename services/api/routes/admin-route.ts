// Operator routes under /api/admin, behind the ADMIN_TOKEN bearer token; absent without one.
// POST /sync asks sync to re-read its source. POST /matches/{id}/events is the live write path:
// one match event for v1.ingest, answered 202 with its place in the journal. /keys makes, lists and revokes the API keys of
// clients (storage/api-keys.ts): POST answers the new key, once; nothing else ever shows it.
import { Errors } from "moleculer";
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
type KeyReq = Req & {
	body?: unknown;
	$params?: Record<string, unknown>;
	$ctx?: { requestID?: string; call(action: string, params: unknown): Promise<unknown> };
};

/** The action behind the live write path. */
const INGEST_ACTION = "v1.ingest.record";

/** A refusal the client can act on (4xx), answered as it is; anything else is the service away. */
function isClientError(err: unknown): boolean {
	const { name, code } = err as { name?: string; code?: unknown };
	if (name === "ServiceNotFoundError" || name === "ServiceNotAvailableError") return false;
	return name === "ValidationError" || (typeof code === "number" && code >= 400 && code < 500);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Runs an alias, answering its failure in the one error shape (a bad body, the store away). */
function answering(run: (req: KeyReq, res: Res) => Promise<void>) {
	return async function (this: AliasThis, req: KeyReq, res: Res) {
		try {
			await run(req, res);
		} catch (err) {
			sendError(
				res,
				isClientError(err)
					? toHttpError(err)
					: toHttpError({
							name: "ServiceUnavailableError",
							message: `Not available right now, try again: ${(err as Error).message ?? String(err)}`,
						}),
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
			"POST /matches/:match/events": answering(async (req, res) => {
				if (!isObject(req.body))
					throw new Errors.MoleculerClientError(
						"The body is one match event: a JSON object.",
						422,
						"VALIDATION_ERROR",
					);
				const receipt = await req.$ctx!.call(INGEST_ACTION, {
					...req.body,
					match: String(req.$params?.match ?? ""),
				});
				send(res, 202, receipt);
			}),
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
