// The event group of a projection's handlers: the service's full name, whatever the handler's shape.
import type { ServiceSchema } from "moleculer";
import { groupEventsByService } from "../../../../mixins/projection/event-groups";

const handler = async () => undefined;

test("the named handlers are grouped by the versioned full name; a bare function becomes a handler", () => {
	const schema: Partial<ServiceSchema> = {
		name: "results",
		version: 2,
		events: { a: { params: { x: "number" }, handler }, b: handler, other: { handler } },
	};
	groupEventsByService(schema, ["a", "b"]);
	expect(schema.events).toEqual({
		a: { params: { x: "number" }, handler, group: "v2.results" },
		b: { handler, group: "v2.results" },
		other: { handler },
	});
});

test("the group follows Moleculer's full name: a string version as is, none or $noVersionPrefix without a prefix", () => {
	const groupOf = (schema: Partial<ServiceSchema>) => {
		groupEventsByService(schema, ["a"]);
		return (schema.events!.a as { group: string }).group;
	};
	expect(groupOf({ name: "results", version: "beta", events: { a: handler } })).toBe(
		"beta.results",
	);
	expect(groupOf({ name: "results", events: { a: handler } })).toBe("results");
	expect(
		groupOf({
			name: "results",
			version: 2,
			settings: { $noVersionPrefix: true },
			events: { a: handler },
		}),
	).toBe("results");
});

test("an event the schema does not handle is not added", () => {
	const schema: Partial<ServiceSchema> = { name: "results", version: 1, events: {} };
	groupEventsByService(schema, ["missing"]);
	expect(schema.events).toEqual({});
});
