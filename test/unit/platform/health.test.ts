// A node's own readiness, as its health endpoint reports it.
import { ServiceBroker } from "moleculer";
import { readiness } from "../../../platform/health";

describe("readiness", () => {
	test("a node is ready only between its start and its stop", async () => {
		const broker = new ServiceBroker({ logger: false, metrics: false });
		expect(readiness(broker)).toEqual({ ready: false, reason: "broker not started" });
		await broker.start();
		expect(readiness(broker)).toEqual({ ready: true });
		await broker.stop();
		expect(readiness(broker).ready).toBe(false);
	});
});
