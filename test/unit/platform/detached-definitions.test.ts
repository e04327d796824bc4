import { ServiceBroker } from "moleculer";
import {
	detached,
	DetachedDefinitionsMiddleware,
} from "../../../platform/middlewares/detached-definitions";

const str = { type: "string" };
const competitionRef = { type: "object", properties: { code: str, name: str } };
const doc = {
	summary: "First",
	result: competitionRef,
	components: { CompetitionRef: competitionRef },
};

/** What the other nodes learn of this node's actions: the INFO packet's services, as Moleculer builds it. */
function announcedActions(
	broker: ServiceBroker,
): Record<string, { params?: object; openapi?: object }> {
	const info = broker.registry.getLocalNodeInfo(true) as unknown as {
		services: Array<{ actions: Record<string, { params?: object; openapi?: object }> }>;
	};
	return Object.assign({}, ...info.services.map(s => s.actions));
}

async function brokerWith(middlewares: ReturnType<typeof DetachedDefinitionsMiddleware>[]) {
	const broker = new ServiceBroker({ logger: false, middlewares });
	broker.createService({
		name: "shared",
		actions: {
			first: {
				params: { team: str },
				openapi: doc,
				handler: () => 1,
			},
			second: { params: { team: str, season: str }, handler: () => 2 },
		},
	});
	await broker.start();
	return broker;
}

describe("detached definitions", () => {
	test("a copy shares no object, and keeps functions", () => {
		const handler = () => 1;
		const copy = detached({ a: str, b: str, list: [str, str], handler });
		expect(copy).toEqual({ a: str, b: str, list: [str, str], handler });
		expect(new Set([copy.a, copy.b, ...copy.list]).size).toBe(4);
		expect(copy.handler).toBe(handler);
	});

	test("without the middleware, Moleculer's INFO drops a schema object it has seen before (the defect)", async () => {
		const broker = await brokerWith([]);
		const actions = announcedActions(broker);
		expect(actions["shared.second"].params).not.toEqual({ team: str, season: str });
		await broker.stop();
	});

	test("with it, every action's params and documentation reach the other nodes whole", async () => {
		const broker = await brokerWith([DetachedDefinitionsMiddleware()]);
		const actions = announcedActions(broker);
		expect(actions["shared.first"].params).toEqual({ team: str });
		expect(actions["shared.second"].params).toEqual({ team: str, season: str });
		expect(actions["shared.first"].openapi).toEqual(doc);
		await broker.stop();
	});
});
