// Leader choice: which replica of a service applies changes (every replica decides the same).
import type { ServiceBroker } from "moleculer";

/** A service as the registry lists it: which service, on which node. */
export interface ListedService {
	fullName: string;
	nodeID?: string | number;
}

/**
 * The node that applies changes for `fullName` among `services` (the registry's list of
 * available services): the one with the smallest node id; null when none of them is that service.
 */
export function applierOf(services: readonly ListedService[], fullName: string): string | null {
	// Compared as text, not as numbers: all that matters is that every replica picks the same one.
	const replicas = services
		.filter(service => service.fullName === fullName)
		.map(service => String(service.nodeID))
		.sort();
	return replicas[0] ?? null;
}

/**
 * Whether node `nodeID` applies changes for `fullName`. A service not listed yet (its own
 * node has not registered it) counts as the only replica: it applies.
 */
export function appliesAmong(
	services: readonly ListedService[],
	fullName: string,
	nodeID: string,
): boolean {
	const applier = applierOf(services, fullName);
	return applier === null || applier === nodeID;
}

/** Whether this broker's replica of `fullName` applies changes, as its registry sees the cluster now. */
export function isApplier(
	broker: Pick<ServiceBroker, "registry" | "nodeID">,
	fullName: string,
): boolean {
	const available = broker.registry.getServiceList({ onlyAvailable: true, skipInternal: true });
	return appliesAmong(available, fullName, broker.nodeID);
}
