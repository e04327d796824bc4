// The public HTTP routes, learnt from what the live cluster announces. An action is public only
// when it declares a `rest` route and `visibility: "published"` (Moleculer's words; moleculer-web's
// auto-aliasing reads the same two); `$`-services and the gateway itself never are. A route is
// served at `/api/<base path>/<rest path>`, the base path being the service's `settings.rest` or,
// as moleculer-web does it, its full name with dots as slashes (`v1.players` → `/v1/players`).
// Routes are remembered: when the last node of a service goes, its route stays and answers 503.
import { type ActionDoc, PUBLIC_VISIBILITY } from "../../../contracts";

/** Where every public route is mounted. */
export const API_PREFIX = "/api";

/** One public route: an HTTP method and path, and the action behind it with its contract. */
export interface PublicRoute {
	method: string;
	/** Relative to the API prefix: `/v1/players`. */
	path: string;
	action: string;
	/** The service's full name, e.g. `v1.players`. */
	service: string;
	params: Readonly<Record<string, unknown>>;
	doc?: ActionDoc;
}

/** What the registry's service list says of a service (`getServiceList({ withActions: true })`). */
export interface AnnouncedService {
	name: string;
	fullName?: string;
	settings?: { rest?: unknown };
	actions?: Record<string, AnnouncedAction>;
}

export interface AnnouncedAction {
	name: string;
	rest?: unknown;
	visibility?: string;
	params?: Record<string, unknown>;
	openapi?: ActionDoc;
}

/** The service whose routes these are not: the gateway's own actions are never proxied. */
const GATEWAY = "api";

/** The methods a route may declare. */
const METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE"]);

/**
 * What a path segment may be: a literal word, or a parameter `:name`. Nothing path-to-regexp
 * reads as syntax (wildcards, groups, optional parts), no dots, no spaces: a route is exactly
 * the path it says, and one odd declaration cannot break the routes of others.
 */
const SEGMENT = /^(?:[A-Za-z0-9_-]+|:[A-Za-z_][A-Za-z0-9_]*)$/;

/** The gateway's own paths under the API prefix: no service may claim them. */
const RESERVED = [
	/^\/openapi\.json$/i,
	/^\/docs(\/|$)/i,
	/^\/cluster$/i,
	/^\/admin(\/|$)/i,
	/^\/v1\/live$/i,
];

function segmentsOf(path: string): string[] | undefined {
	const segments = path.split("/").filter(Boolean);
	return segments.every(segment => SEGMENT.test(segment)) ? segments : undefined;
}

function basePathOf(service: AnnouncedService): string[] | undefined {
	const declared = service.settings?.rest;
	if (declared !== undefined && typeof declared !== "string") return undefined;
	const base = declared ?? (service.fullName ?? service.name).replace(/\./g, "/");
	return segmentsOf(base);
}

/** `GET /` under `/v1/players` → `GET /v1/players`. Only "METHOD /path" strings are public routes. */
function parseRest(rest: unknown, base: string[]): { method: string; path: string } | undefined {
	if (typeof rest !== "string") return undefined;
	const match = /^([A-Z]+) (\/\S*)$/.exec(rest.trim());
	if (!match || !METHODS.has(match[1])) return undefined;
	const own = segmentsOf(match[2]);
	if (!own) return undefined;
	const path = `/${[...base, ...own].join("/")}`;
	return RESERVED.some(reserved => reserved.test(path)) ? undefined : { method: match[1], path };
}

/** Why an announced action with a valid route still cannot be served, or undefined when it can. */
function unfit(fullName: string, action: AnnouncedAction): string | undefined {
	// The action must be its service's own: a name like `$node.options` would reach Moleculer's internals.
	if (
		typeof action.name !== "string" ||
		!action.name.startsWith(`${fullName}.`) ||
		action.name.startsWith("$")
	) {
		return "its name is not its service's";
	}
	// One rule for every public route: an unknown parameter is refused, never passed on or dropped.
	if (action.params?.$$strict !== true) return "its params schema is not `$$strict: true`";
	const doc = action.openapi as unknown;
	if (
		doc !== undefined &&
		(typeof doc !== "object" ||
			doc === null ||
			typeof (doc as { summary?: unknown }).summary !== "string")
	) {
		return "its openapi entry has no summary";
	}
	return undefined;
}

/** What an announced service declares that cannot be served, and why (the gateway logs it). */
export interface RefusedDeclaration {
	action: string;
	reason: string;
}

/**
 * The public routes among the announced services. A declaration that cannot be served as it
 * says (a malformed or reserved path, a foreign action name, a params schema that is not strict)
 * is left out, and listed in `refused` when given.
 */
export function publicRoutesOf(
	services: readonly AnnouncedService[],
	refused: RefusedDeclaration[] = [],
): PublicRoute[] {
	const routes: PublicRoute[] = [];
	for (const service of services) {
		const fullName = service.fullName ?? service.name;
		if (service.name.startsWith("$") || service.name === GATEWAY) continue;
		for (const action of Object.values(service.actions ?? {})) {
			if (action.visibility !== PUBLIC_VISIBILITY || action.rest === undefined) continue;
			const base = basePathOf(service);
			const rest = base && parseRest(action.rest, base);
			const problem = rest
				? unfit(fullName, action)
				: "its route is not `METHOD /path` of plain segments, or is one of the gateway's own";
			if (problem || !rest) {
				refused.push({ action: String(action.name), reason: problem ?? "" });
				continue;
			}
			routes.push({
				...rest,
				action: action.name,
				service: fullName,
				params: action.params ?? {},
				doc: action.openapi,
			});
		}
	}
	return routes;
}

/** Routes one request could match alike share a key: case is ignored, and every parameter is one. */
const keyOf = (route: Pick<PublicRoute, "method" | "path">) =>
	`${route.method} ${route.path.toLowerCase().replace(/:[^/]+/g, ":")}`;

/**
 * The routes the gateway has served since it started. Learning a route that is already known
 * updates its contract (a newer version of the same service); a second action claiming a known
 * route is refused, so that a newcomer cannot take over a path.
 */
export class RouteBook {
	private readonly routes = new Map<string, PublicRoute>();

	/** Adds or updates what the cluster announces now; says whether anything changed, what is new, and any refused claims. */
	learn(announced: readonly PublicRoute[]): {
		changed: boolean;
		added: PublicRoute[];
		refused: PublicRoute[];
	} {
		let changed = false;
		const added: PublicRoute[] = [];
		const refused: PublicRoute[] = [];
		for (const route of announced) {
			const known = this.routes.get(keyOf(route));
			if (known && known.action !== route.action) {
				refused.push(route);
				continue;
			}
			if (!known || !sameRoute(known, route)) {
				this.routes.set(keyOf(route), route);
				if (!known) added.push(route);
				changed = true;
			}
		}
		return { changed, added, refused };
	}

	all(): PublicRoute[] {
		return [...this.routes.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
	}

	/** The actions behind the routes: the gateway's whitelist. */
	actions(): string[] {
		return [...new Set(this.all().map(route => route.action))];
	}

	/** The route of an action, if the gateway knows one (asked on every cacheable request: no sorting). */
	routeOf(action: string): PublicRoute | undefined {
		for (const route of this.routes.values()) if (route.action === action) return route;
		return undefined;
	}

	/** The successor's path (with the API prefix) of a deprecated action; undefined when it is not deprecated. */
	successorOf(action: string): string | null | undefined {
		const route = this.routeOf(action);
		const successor = route?.doc?.deprecated?.successor;
		if (!successor) return undefined;
		const next = this.routeOf(successor);
		return next ? `${API_PREFIX}${next.path}` : null;
	}
}

/** Whether two announcements of a route say the same; anything that cannot be compared counts as a change. */
function sameRoute(a: PublicRoute, b: PublicRoute): boolean {
	try {
		return JSON.stringify(a) === JSON.stringify(b);
	} catch {
		return false;
	}
}
