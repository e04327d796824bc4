// The gateway on a local broker: its settings sit over moleculer-web's defaults, and it serves
// the routes the registry announces, including a service that joins after it started.
import type { AddressInfo } from "node:net";
import { type Service, ServiceBroker } from "moleculer";
import { readConfig } from "../../../../platform/config";
import ApiService from "../../../../services/api/api.service";

let broker: ServiceBroker;
let api: Service & { server: { address(): AddressInfo } };
let base: string;

beforeAll(async () => {
	broker = new ServiceBroker({
		logger: false,
		metrics: false,
		matchday: readConfig({ PORT: "0", LOG_LEVEL: "warn" }),
	});
	api = broker.createService(ApiService) as typeof api;
	await broker.start();
	base = `http://127.0.0.1:${api.server.address().port}`;
});

afterAll(() => broker.stop());

test("its settings keep moleculer-web's defaults (a lost requestTimeout crashes Node's HTTP server)", () => {
	expect(api.settings).toMatchObject({ requestTimeout: 300_000, optimizeOrder: true, port: 0 });
});

test("a service that joins later is served at its route, with its contract documented; one without a public action is not", async () => {
	expect((await fetch(`${base}/api/v1/echo`)).status).toBe(404);
	broker.createService({
		name: "echo",
		version: 1,
		actions: {
			say: {
				rest: "GET /",
				visibility: "published",
				params: {
					$$strict: true,
					text: { type: "string", max: 10, optional: true, default: "hi" },
				},
				openapi: { summary: "Say something", result: { type: "object" }, components: {} },
				handler: ctx => ({ said: (ctx.params as { text: string }).text }),
			},
		},
	});
	broker.createService({
		name: "quiet",
		version: 1,
		actions: { hidden: { rest: "GET /", handler: () => "secret" } },
	});
	let reply: Response | undefined;
	for (let i = 0; i < 40 && reply?.status !== 200; i++) {
		await new Promise(done => setTimeout(done, 50));
		reply = await fetch(`${base}/api/v1/echo?text=hello`);
	}
	expect(reply?.status).toBe(200);
	expect(await reply!.json()).toEqual({ said: "hello" });
	expect((await fetch(`${base}/api/v1/echo?text=much-too-long-text`)).status).toBe(422);
	expect((await fetch(`${base}/api/v1/quiet`)).status).toBe(404);
	const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
		paths: Record<string, { get: { summary: string } }>;
	};
	expect(doc.paths["/api/v1/echo"].get.summary).toBe("Say something");
	expect(doc.paths["/api/v1/quiet"]).toBeUndefined();
});

test("a service whose declaration cannot be served or documented stops no other: later routes are still learnt, the document still answers", async () => {
	const published = (
		name: string,
		extra: Record<string, unknown> = {},
	): Record<string, unknown> => ({
		rest: "GET /",
		visibility: "published",
		params: { $$strict: true },
		handler: () => ({ from: name }),
		...extra,
	});
	// A broken path and a document that cannot be serialised (BigInt), both in this process.
	broker.createService({
		name: "odd",
		version: 1,
		settings: { rest: "a(b" },
		actions: { list: published("odd") as never },
	});
	broker.createService({
		name: "big",
		version: 1,
		actions: {
			list: published("big", {
				openapi: { summary: "Big", result: { maximum: BigInt(10) }, components: {} },
			}) as never,
		},
	});
	broker.createService({
		name: "later",
		version: 1,
		actions: { list: published("later") as never },
	});
	let later: Response | undefined;
	for (let i = 0; i < 40 && later?.status !== 200; i++) {
		await new Promise(done => setTimeout(done, 50));
		later = await fetch(`${base}/api/v1/later`);
	}
	expect(later?.status).toBe(200);
	expect((await fetch(`${base}/api/v1/big`)).status).toBe(200); // served, though left out of the document
	const doc = await fetch(`${base}/api/openapi.json`);
	expect(doc.status).toBe(200);
	const paths = Object.keys(((await doc.json()) as { paths: Record<string, unknown> }).paths);
	expect(paths).toEqual(expect.arrayContaining(["/api/v1/later", "/api/v1/echo"]));
	expect(paths).not.toContain("/api/v1/big");
	expect((await fetch(`${base}/api/v1/echo`)).status).toBe(200);
});
