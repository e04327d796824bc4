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

function basePathOf(service: AnnouncedService): string {
	const declared = service.settings?.rest;
	const base =
		typeof declared === "string"
			? declared
			: (service.fullName ?? service.name).replace(/\./g, "/");
	return `/${base}`.replace(/\/+/g, "/");
}

/** `GET /` under `/v1/players` → `GET /v1/players`. Only "METHOD /path" strings are public routes. */
function parseRest(rest: unknown, basePath: string): { method: string; path: string } | undefined {
	if (typeof rest !== "string") return undefined;
	const match = /^([A-Z]+)\s+(\/[A-Za-z0-9/_:-]*)$/.exec(rest.trim());
	if (!match) return undefined;
	const path = `${basePath}${match[2]}`.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
	return { method: match[1], path };
}

/** The public routes among the announced services. */
export function publicRoutesOf(services: readonly AnnouncedService[]): PublicRoute[] {
	const routes: PublicRoute[] = [];
	for (const service of services) {
		const fullName = service.fullName ?? service.name;
		if (service.name.startsWith("$") || service.name === GATEWAY) continue;
		for (const action of Object.values(service.actions ?? {})) {
			if (action.visibility !== PUBLIC_VISIBILITY) continue;
			const rest = parseRest(action.rest, basePathOf(service));
			if (!rest) continue;
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

const keyOf = (route: Pick<PublicRoute, "method" | "path">) => `${route.method} ${route.path}`;

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
			if (!known || JSON.stringify(known) !== JSON.stringify(route)) {
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

	/** The route of an action, if the gateway knows one. */
	routeOf(action: string): PublicRoute | undefined {
		return this.all().find(route => route.action === action);
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
