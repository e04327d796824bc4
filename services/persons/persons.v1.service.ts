// v1.persons: one player by his id, with his goals in the data (GET /api/v1/persons/{id}).
import type { Context, ServiceSchema } from "moleculer";
import { LIST_CACHE } from "../../mixins/listing";
import {
	ProjectionMixin,
	type ProjectionMethods,
	type ProjectionOptions,
} from "../../mixins/projection";
import { personsGetDoc, personsGetParams, type PersonsGetParams } from "./persons.contract";
import { applyPersonChanges, MATCHES, PLAYERS } from "./persons.projection";
import { type Person, personById } from "./persons.query";

/** What this service keeps of the master data, and how. */
export const PROJECTION: ProjectionOptions = {
	database: "v1-persons",
	collections: [PLAYERS, MATCHES],
	kinds: ["player", "match"],
	views: { player: PLAYERS, match: MATCHES },
	apply: applyPersonChanges,
};

const PersonsService: ServiceSchema<Record<string, never>, ProjectionMethods> = {
	name: "persons",
	version: 1,
	mixins: [ProjectionMixin(PROJECTION)],
	// Deployment facts, read by the topology (npm run cluster, compose).
	metadata: { deployment: { replicas: 1 } },
	actions: {
		get: {
			// Public: served by the gateway at GET /api/v1/persons/{id} (see contracts/public-action.ts).
			rest: "GET /:id",
			visibility: "published",
			openapi: personsGetDoc,
			params: personsGetParams,
			cache: LIST_CACHE,
			handler(ctx: Context<PersonsGetParams>): Promise<Person> {
				return personById(
					this.collection(PLAYERS),
					this.collection(MATCHES),
					ctx.params.id,
				);
			},
		},
	},
};

export default PersonsService;
