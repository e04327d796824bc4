// The event group of a projection's handlers: the service's full name, set on the merged schema.
import { Service, type ServiceSchema } from "moleculer";

/**
 * Puts the named event handlers of a merged schema in a group named after the service
 * (`v2.results`). Not for load balancing (these events are broadcast) but because Moleculer keeps
 * one handler per event, group, node and service *name*: in the default group (the name,
 * `results`), v1 and v2 of a service on one node would share one handler, the later one's.
 * Called from the `merged` hook: after the mixins are merged, before the handlers are made.
 */
export function groupEventsByService(
	schema: Partial<ServiceSchema>,
	names: readonly string[],
): void {
	const group = Service.getVersionedFullName(
		schema.name!,
		schema.settings?.$noVersionPrefix === true ? undefined : schema.version,
	);
	const events = (schema.events ??= {});
	for (const name of names) {
		const event = events[name];
		if (event === undefined) continue;
		events[name] =
			typeof event === "function" ? { handler: event, group } : { ...event, group };
	}
}
