// The REPL's `keys` command: the API keys of clients, in the gateways' shared store (Redis), as
// the admin route (/api/admin/keys) sees them. Kept apart from repl.ts, which starts a node when
// loaded, so that tests can run it on a store of their own.
import { createApiKey, newKeyRequestOf } from "../storage/api-keys";
import type { GatewayStore } from "../storage/gateway-store";
import { OperationError } from "../contracts/operator-views";

export interface KeysOptions {
	create?: string;
	limit?: string | number;
	revoke?: string;
}

/** What `keys` prints: a table of the keys, or a sentence (with a new key, shown once). */
export async function keysCommand(
	store: GatewayStore,
	options: KeysOptions,
	defaultLimit: number,
): Promise<string | string[][]> {
	if (options.create !== undefined && options.revoke !== undefined)
		throw new OperationError("keys: --create or --revoke, not both.");
	if (options.revoke !== undefined) {
		const id = String(options.revoke);
		if (!(await store.revokeKey(id)))
			throw new OperationError(`keys: no API key has the id ${id} (\`keys\` lists them).`);
		return `Revoked ${id}: every gateway refuses it from its next request.`;
	}
	if (options.create !== undefined) {
		const limit = options.limit === undefined ? undefined : Number(options.limit);
		let request;
		try {
			request = newKeyRequestOf(
				limit === undefined
					? { name: String(options.create) }
					: { name: String(options.create), limit },
			);
		} catch (err) {
			const fields = (err as { data?: Array<{ message: string }> }).data ?? [];
			throw new OperationError(`keys: ${fields.map(field => field.message).join(" ")}`);
		}
		const { key, record } = await createApiKey(store, request, defaultLimit);
		return `Made ${record.id} for ${record.name} (limit ${record.limit === 0 ? "none" : record.limit}). The key, shown this once: ${key}`;
	}
	const keys = (await store.listKeys()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	return [
		["Id", "Name", "Limit", "Created"],
		...keys.map(key => [
			key.id,
			key.name,
			key.limit === 0 ? "none" : String(key.limit),
			key.createdAt,
		]),
	];
}
