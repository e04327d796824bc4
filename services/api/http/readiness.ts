// The gateway's /health/ready: ready when every service the public routes need (and sync, the
// projections' source) has at least one available node. A service is announced in the
// registry only once it has started, and a store-backed service starts only once its store is
// connected, so "available" also means "its store answered".
export interface ReadinessReport {
	ready: boolean;
	services: Record<string, boolean>;
}

export interface ActionAvailability {
	isAvailable(action: string): boolean;
}

export function readinessOf(
	actions: ActionAvailability,
	required: readonly string[],
): ReadinessReport {
	const services = Object.fromEntries(
		required.map(action => [action.replace(/\.[^.]+$/, ""), actions.isAvailable(action)]),
	);
	return { ready: Object.values(services).every(Boolean), services };
}
