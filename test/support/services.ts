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

/** Where the gateway serves a read service's list: `v1.players` → `/api/v1/players`. */
export function publicPath(fullName: string): string {
	return `/api/${fullName.replace(/\./g, "/")}`;
}

/** The node name tests give a read service's node: `v1.players` → `players-v1`. */
export function nodeNameOf(fullName: string): string {
	return fullName.replace(/^v(\d+)\.(.*)$/, "$2-v$1");
}

/** The database a service really uses: what its store mixin publishes, once the service is made on a broker. */
export function databaseOf(fullName: string): string | undefined {
	const entry = ALL.find(candidate => candidate.fullName === fullName);
	if (!entry) throw new Error(`No service ${fullName} in the tree`);
	const broker = new ServiceBroker({ logger: false, metrics: false, matchday: readConfig({}) });
	const created = broker.createService(loadService(entry));
	return (created.metadata as { database?: string }).database;
}
