// The services of the tree as tests need them, found the way a node finds them (platform/discovery.ts):
// a suite that starts "every read service" starts a new one too, with no list to edit.
import { ServiceBroker } from "moleculer";
import { FEED_SERVICE } from "../../contracts";
import { readConfig } from "../../platform/config";
import { discoverServices, loadService, type ServiceEntry } from "../../platform/discovery";

const ALL = discoverServices();

/** Every service version found. */
export const SERVICES: readonly ServiceEntry[] = ALL;

/** The services that keep a projection and answer a public route: all but the gateway and sync. */
export const READ_SERVICES: readonly string[] = ALL.map(entry => entry.fullName).filter(
	name => name !== "api" && name !== FEED_SERVICE,
);

/** A public route as a client meets it: its OpenAPI path, and a URL that names a value for each path parameter. */
export interface PublicPath {
	/** `/api/v2/matches/{id}`. */
	path: string;
	/** `/api/v2/matches/an-id`: what a request goes to. */
	url: string;
}

/** The public routes a read service declares, as the gateway serves them: its base path (settings.rest, or its full name) and each action's `rest`. */
export function publicPaths(fullName: string): PublicPath[] {
	const service = created(fullName);
	const declared = (service.settings as { rest?: string }).rest;
	const base = declared ?? `/${fullName.replace(/\./g, "/")}`;
	return Object.values(service.schema.actions ?? {}).flatMap(action => {
		const { rest, visibility } = action as { rest?: string; visibility?: string };
		if (typeof rest !== "string" || visibility !== "published") return [];
		const own = rest.replace(/^[A-Z]+ /, "").replace(/\/$/, "");
		const route = `/api${base}${own}`;
		return [
			{
				path: route.replace(/:(\w+)/g, "{$1}"),
				url: route.replace(/:(\w+)/g, "an-$1"),
			},
		];
	});
}

/** The named schemas a service's public actions document (their `openapi.components`), as the source declares them. */
export function documentedComponents(fullName: string): Record<string, unknown> {
	const actions = Object.values(created(fullName).schema.actions ?? {});
	return Object.assign(
		{},
		...actions.map(
			action => (action as { openapi?: { components?: object } }).openapi?.components ?? {},
		),
	);
}

/** The node name tests give a read service's node: `v1.players` → `players-v1`. */
export function nodeNameOf(fullName: string): string {
	return fullName.replace(/^v(\d+)\.(.*)$/, "$2-v$1");
}

/** The service as a node makes it, on a broker of its own that never starts. */
function created(fullName: string) {
	const entry = ALL.find(candidate => candidate.fullName === fullName);
	if (!entry) throw new Error(`No service ${fullName} in the tree`);
	const broker = new ServiceBroker({ logger: false, metrics: false, matchday: readConfig({}) });
	return broker.createService(loadService(entry));
}

/** The database a service really uses: what its store mixin publishes, once the service is made on a broker. */
export function databaseOf(fullName: string): string | undefined {
	return (created(fullName).metadata as { database?: string }).database;
}
