// A node's own readiness, as its health endpoint reports it.
import { ServiceBroker } from "moleculer";
import type { AddressInfo } from "node:net";
import { readiness, startHealthServer } from "../../../platform/health";

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

describe("the health server", () => {
	test("serves this node's metrics to Prometheus, its actions' requests included", async () => {
		const broker = new ServiceBroker({ logger: false, metrics: { enabled: true } });
		broker.createService({ name: "echo", actions: { say: () => "hi" } });
		await broker.start();
		const server = await startHealthServer(broker, 0, "127.0.0.1");
		try {
			await broker.call("echo.say");
			const { port } = server.address() as AddressInfo;
			const reply = await fetch(`http://127.0.0.1:${port}/metrics`);
			expect(reply.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
			const text = await reply.text();
			expect(text).toMatch(/^moleculer_request_total\{[^}]*action="echo\.say"[^}]*\} 1$/m);
			expect(text).toMatch(/^# TYPE moleculer_request_time histogram$/m);
		} finally {
			server.close();
			await broker.stop();
		}
	});
});
