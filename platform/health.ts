// A node's own health endpoints, for orchestrators (Docker's HEALTHCHECK, Kubernetes probes):
// GET /live answers while the process runs; GET /ready once the broker has started its
// services (stores connected) and is connected to the transporter; GET /metrics gives this
// node's metrics to Prometheus (deploy/prometheus). Off unless HEALTH_PORT is set.
import { createServer, type Server } from "node:http";
import type { ServiceBroker } from "moleculer";
import { type MetricSeries, prometheusText } from "../contracts/prometheus";

export interface Readiness {
	ready: boolean;
	reason?: string;
}

/** Is this node ready to serve? A broker that is stopping is not: traffic should go elsewhere. */
export function readiness(broker: ServiceBroker): Readiness {
	const state = broker as unknown as {
		started: boolean;
		stopping?: boolean;
		transit?: { connected: boolean };
	};
	if (state.stopping || !state.started) return { ready: false, reason: "broker not started" };
	if (state.transit && !state.transit.connected)
		return { ready: false, reason: "transporter disconnected" };
	return { ready: true };
}

export function startHealthServer(
	broker: ServiceBroker,
	port: number,
	host = "0.0.0.0",
): Promise<Server> {
	const server = createServer((req, res) => {
		const path = (req.url ?? "").split("?")[0];
		let status = 404;
		let body: object = { error: "not found" };
		if (path === "/live") {
			status = 200;
			body = { status: "live", nodeID: broker.nodeID };
		} else if (path === "/ready") {
			const state = readiness(broker);
			status = state.ready ? 200 : 503;
			body = {
				status: state.ready ? "ready" : "not ready",
				nodeID: broker.nodeID,
				...(state.reason ? { reason: state.reason } : {}),
			};
		}
		if (path === "/metrics") {
			res.writeHead(200, {
				"Content-Type": "text/plain; version=0.0.4; charset=utf-8",
				"Cache-Control": "no-store",
			});
			res.end(prometheusText(broker.metrics.list() as unknown as MetricSeries[]));
			return;
		}
		res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
		res.end(JSON.stringify(body));
	});
	return new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen(port, host, () => resolve(server));
	});
}
