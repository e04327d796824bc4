// The services as the gateway sees them in the registry: the real service schemas, started on a
// local broker (in memory), their registry entries sent through JSON as the wire would.
import { ServiceBroker } from "moleculer";
import { readConfig } from "../../platform/config";
import { discoverServices, loadService } from "../../platform/discovery";
import type { AnnouncedService } from "../../services/api/http/public-routes";

/** Starts every read service (not the gateway, not sync: they declare no public route) and returns what the registry announces. */
export async function announcedServices(): Promise<AnnouncedService[]> {
	const broker = new ServiceBroker({ logger: false, metrics: false, matchday: readConfig({}) });
	for (const entry of discoverServices()) {
		if (entry.fullName !== "api" && entry.fullName !== "v1.sync")
			broker.createService(loadService(entry));
	}
	await broker.start();
	try {
		return JSON.parse(
			JSON.stringify(broker.registry.getServiceList({ withActions: true })),
		) as AnnouncedService[];
	} finally {
		await broker.stop();
	}
}
