// The NATS client's options from TRANSPORTER and the NATS_* variables: credentials reach the
// client (Moleculer alone would keep only a URL's raw user and password), and never a log line.
import { natsOptions, redactedUrl } from "../../../platform/nats";

describe("natsOptions", () => {
	test("a user and password in the URL become the client's own, decoded; the servers are host:port", () => {
		expect(
			natsOptions(
				"nats://matchday:p%40ss%2Fword@10.0.0.1:4222,nats://matchday:p%40ss%2Fword@10.0.0.2:4222",
			),
		).toEqual({
			servers: ["10.0.0.1:4222", "10.0.0.2:4222"],
			user: "matchday",
			pass: "p@ss/word",
		});
	});

	test("a user alone in the URL is a token; NATS_USER/NATS_PASSWORD or NATS_TOKEN take precedence", () => {
		expect(natsOptions("nats://s3cret@nats:4222")).toEqual({
			servers: ["nats:4222"],
			token: "s3cret",
		});
		expect(natsOptions("nats://a:b@nats:4222", { user: "ops", password: "new" })).toMatchObject(
			{ user: "ops", pass: "new" },
		);
		expect(natsOptions("nats://nats:4222", { token: "t" })).toEqual({
			servers: ["nats:4222"],
			token: "t",
		});
	});

	test("no credentials: none are sent (NATS refuses the node if it wants some)", () => {
		expect(natsOptions("nats://127.0.0.1:4222")).toEqual({ servers: ["127.0.0.1:4222"] });
	});

	test("a tls:// URL turns TLS on", () => {
		expect(natsOptions("tls://a:b@nats.example:4222").tls).toEqual({});
	});
});

test("redactedUrl hides credentials, whatever they are", () => {
	expect(redactedUrl("nats://matchday:secret@127.0.0.1:4222")).toBe("nats://***@127.0.0.1:4222");
	expect(redactedUrl("nats://token@h:1,nats://token@g:1")).toBe("nats://***@h:1,nats://***@g:1");
	expect(redactedUrl("nats://127.0.0.1:4222")).toBe("nats://127.0.0.1:4222");
});
