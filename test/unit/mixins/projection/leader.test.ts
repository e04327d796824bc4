// Leader choice: which replica applies changes, from the registry's list of available services.
import type { ServiceBroker } from "moleculer";
import {
	appliesAmong,
	applierOf,
	isApplier,
	type ListedService,
} from "../../../../mixins/projection/leader";

const listed: ListedService[] = [
	{ fullName: "v1.players", nodeID: "node-b" },
	{ fullName: "v1.teams", nodeID: "node-0" },
	{ fullName: "v1.players", nodeID: "node-c" },
	{ fullName: "v1.players", nodeID: "node-a" },
	{ fullName: "v2.players", nodeID: "node-1" },
];

describe("applierOf", () => {
	test("when several replicas are available, then the one with the smallest node id applies", () => {
		expect(applierOf(listed, "v1.players")).toBe("node-a");
	});

	test("other services and other versions of the same one do not count", () => {
		expect(applierOf(listed, "v2.players")).toBe("node-1");
		expect(applierOf(listed, "v1.teams")).toBe("node-0");
	});

	test("when no replica is listed, then there is no applier", () => {
		expect(applierOf(listed, "v1.results")).toBeNull();
		expect(applierOf([], "v1.players")).toBeNull();
	});

	test("whatever the order of the list, every replica picks the same one", () => {
		expect(applierOf([...listed].reverse(), "v1.players")).toBe("node-a");
	});
});

describe("appliesAmong", () => {
	test("only the smallest node applies", () => {
		expect(appliesAmong(listed, "v1.players", "node-a")).toBe(true);
		expect(appliesAmong(listed, "v1.players", "node-b")).toBe(false);
	});

	test("when the service is not listed yet, then it counts as the only replica and applies", () => {
		expect(appliesAmong([], "v1.players", "node-z")).toBe(true);
	});
});

describe("isApplier", () => {
	test("asks the registry for the available, non-internal services only", () => {
		const getServiceList = jest.fn(() => listed);
		const broker = {
			nodeID: "node-b",
			registry: { getServiceList },
		} as unknown as ServiceBroker;
		expect(isApplier(broker, "v1.players")).toBe(false);
		expect(isApplier({ ...broker, nodeID: "node-a" } as ServiceBroker, "v1.players")).toBe(
			true,
		);
		expect(getServiceList).toHaveBeenCalledWith({ onlyAvailable: true, skipInternal: true });
	});
});
