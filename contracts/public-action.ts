// What an action declares to be served over HTTP. The gateway learns routes from the registry:
// an action is public only when it declares a `rest` route *and* `visibility: "published"`, and
// its `openapi` entry (below) documents the answer. Moleculer sends action definitions to every
// node as JSON, so everything here must be plain data.
// `rest` on an action is declared by moleculer-web's typings: loaded here, so that a service
// compiles in an image that does not hold the gateway.
import type {} from "moleculer-web";
import type { JsonSchema } from "./schemas";

export interface ActionDoc {
	/** One line for the docs' table of contents, e.g. "List players". */
	summary: string;
	description?: string;
	/** JSON Schema of the 200 body; `$ref`s point at `#/components/schemas/<name>` of `components`. */
	result: JsonSchema;
	/** The named schemas `result` refers to, itself included. */
	components: Record<string, JsonSchema>;
	/** What each parameter means, by name (the gateway adds the rules from the params schema). */
	params?: Record<string, string>;
	/**
	 * A value for each parameter a request cannot do without (a path's, a required one), by name:
	 * the document shows it as the parameter's example, and a client (or a test) can try the route with it.
	 */
	examples?: Record<string, string>;
	/** Superseded: the gateway marks the route deprecated and links the successor action's route. */
	deprecated?: { successor: string };
}

declare module "moleculer" {
	interface ActionSchema {
		/** The HTTP documentation of a public action (see contracts/public-action.ts). */
		openapi?: ActionDoc;
	}
}

/** The visibility that makes an action with a `rest` route public (Moleculer's own word for it). */
export const PUBLIC_VISIBILITY = "published";
