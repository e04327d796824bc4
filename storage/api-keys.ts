// API keys for clients, made and revoked by operators on the gateway's admin route
// (services/api/routes/admin-route.ts) and the REPL's `keys` (platform/repl-keys.ts).
// A key is 32 random bytes, shown once when it is made; the store keeps only its hash, with a
// name, its own limit and an id derived from the hash, by which it is listed and revoked.
import { randomBytes } from "node:crypto";
import { Errors } from "moleculer";
import { type ApiKeyRecord, type GatewayStore, keyHash, keyIdOf } from "./gateway-store";

/** What a key's maker sends: who it is for, and optionally its own limit. */
export interface NewKeyRequest {
	name: string;
	limit?: number;
}

const MAX_NAME = 100;
const MAX_LIMIT = 1_000_000;

/** The request body checked, or a ValidationError naming each bad field. */
export function newKeyRequestOf(body: unknown): NewKeyRequest {
	const given = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
	const fields: Array<{ field: string; message: string }> = [];
	const unknown = Object.keys(given).filter(name => name !== "name" && name !== "limit");
	for (const name of unknown)
		fields.push({
			field: name,
			message: `The '${name}' field is not known here (name, limit).`,
		});
	const name = typeof given.name === "string" ? given.name.trim() : "";
	if (name.length === 0 || name.length > MAX_NAME)
		fields.push({
			field: "name",
			message: `The 'name' field must be a text of 1 to ${MAX_NAME} characters: who the key is for.`,
		});
	const limit = given.limit;
	if (
		limit !== undefined &&
		!(typeof limit === "number" && Number.isInteger(limit) && limit >= 0 && limit <= MAX_LIMIT)
	)
		fields.push({
			field: "limit",
			message: `The 'limit' field must be a whole number from 0 (unlimited) to ${MAX_LIMIT}: requests per window.`,
		});
	if (fields.length > 0)
		throw new Errors.ValidationError(
			"The key request is not valid.",
			"VALIDATION_ERROR",
			fields,
		);
	return limit === undefined ? { name } : { name, limit: limit as number };
}

/** Makes a key and stores its hash; the key itself is returned once and kept nowhere. */
export async function createApiKey(
	store: GatewayStore,
	request: NewKeyRequest,
	defaultLimit: number,
	now = new Date(),
): Promise<{ key: string; record: ApiKeyRecord }> {
	const key = `md_${randomBytes(32).toString("base64url")}`;
	const hash = keyHash(key);
	const record: ApiKeyRecord = {
		id: keyIdOf(hash),
		name: request.name,
		limit: request.limit ?? defaultLimit,
		createdAt: now.toISOString(),
	};
	await store.saveKey(hash, record);
	return { key, record };
}
