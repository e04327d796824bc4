// Every action's `params` and `openapi` get objects of their own before the service is made.
// Moleculer sends a node's action definitions to the other nodes as JSON, through a replacer
// that drops any object it has already seen in that packet (utils.safetyObject): meant for
// cycles, it also drops an object that is merely shared. Our contracts share schema pieces (a
// `str`, a `ref(...)`, a params rule) between fields, actions and services, so a gateway on
// another node got, for one, `CompetitionRef` with `code` but without `name`, and an OpenAPI
// document that said less than the services do. One process (`npm start`) never sent INFO,
// which is why only a cluster showed it.
import type { Middleware } from "moleculer";

/** A copy in which no object or array appears twice; functions and other values are kept as they are. */
export function detached<T>(value: T): T {
	if (Array.isArray(value)) return value.map(item => detached(item)) as T;
	if (
		value === null ||
		typeof value !== "object" ||
		Object.getPrototypeOf(value) !== Object.prototype
	)
		return value;
	return Object.fromEntries(
		Object.entries(value as Record<string, unknown>).map(([key, item]) => [
			key,
			detached(item),
		]),
	) as T;
}

type ActionDefinition = { params?: unknown; openapi?: unknown } & Record<string, unknown>;

export function DetachedDefinitionsMiddleware(): Middleware {
	return {
		name: "DetachedDefinitions",
		serviceCreating(_service: unknown, schema: { actions?: Record<string, unknown> }) {
			for (const [name, action] of Object.entries(schema.actions ?? {})) {
				// A bare handler function has nothing to copy.
				if (typeof action !== "object" || action === null) continue;
				const definition = action as ActionDefinition;
				schema.actions![name] = {
					...definition,
					...(definition.params ? { params: detached(definition.params) } : {}),
					...(definition.openapi ? { openapi: detached(definition.openapi) } : {}),
				};
			}
		},
	};
}
