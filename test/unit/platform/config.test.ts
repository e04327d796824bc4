import { newSigningKeys } from "../../../contracts/signing";
import { ConfigError, readConfig } from "../../../platform/config";

describe("readConfig", () => {
	test("with nothing set, the node runs everything in one process, in memory, on port 3000", () => {
		const config = readConfig({});
		expect(config).toMatchObject({
			transporter: null,
			mongoUri: null,
			services: [],
			port: 3000,
			host: "127.0.0.1",
			namespace: "matchday",
			logLevel: "info",
			healthPort: 0,
			serializer: "JSON",
			balancer: "moleculer",
		});
		expect(config.dataDir).toMatch(/data[\\/]openfootball$/);
	});

	test("reads every variable", () => {
		const config = readConfig({
			TRANSPORTER: "nats://nats:4222",
			MONGO_URI: "mongodb://mongo:27017/",
			SERVICES: " v1.players , api ",
			PORT: "8080",
			LOG_LEVEL: "debug",
			LOG_FORMAT: "json",
			CATCHUP_INTERVAL: "250",
			HEALTH_PORT: "3001",
			SHUTDOWN_TIMEOUT: "20000",
			SERIALIZER: "Notepack",
			BALANCER: "nats",
		});
		expect(config).toMatchObject({
			transporter: "nats://nats:4222",
			mongoUri: "mongodb://mongo:27017/",
			services: ["v1.players", "api"],
			port: 8080,
			logLevel: "debug",
			logFormat: "json",
			catchUpInterval: 250,
			healthPort: 3001,
			shutdownTimeout: 20000,
			serializer: "Notepack",
			balancer: "nats",
		});
	});

	test.each([
		[{ PORT: "http" }, 'PORT must be a whole number from 0 to 65535, got "http"'],
		[{ PORT: "70000" }, "PORT must be a whole number"],
		[{ HEALTH_PORT: "-1" }, "HEALTH_PORT must be a whole number from 0 to 65535"],
		[{ LOG_LEVEL: "loud" }, "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace"],
		[{ TRANSPORTER: "redis://localhost" }, "TRANSPORTER must be a nats or tls URL"],
		[
			{ GATEWAY_STORE: "mongodb://x" },
			'GATEWAY_STORE must be memory or a redis:// URL, got "mongodb://x"',
		],
		[{ API_KEY_LIMIT: "-1" }, "API_KEY_LIMIT must be a whole number from 0"],
		[{ ANTI_ENTROPY_INTERVAL: "soon" }, "ANTI_ENTROPY_INTERVAL must be a whole number from 0"],
		[{ MONGO_URI: "localhost:27017" }, "MONGO_URI must be a mongodb or mongodb+srv URL"],
		[{ SERIALIZER: "json" }, 'SERIALIZER must be one of JSON, MsgPack, Notepack, got "json"'],
		[{ BALANCER: "off" }, 'BALANCER must be one of moleculer, nats, got "off"'],
	])("a bad value stops the node with a message naming the variable: %o", (env, message) => {
		expect(() => readConfig(env)).toThrow(ConfigError);
		expect(() => readConfig(env)).toThrow(message);
	});
});

describe("sync's keys", () => {
	test("one process with no keys makes a pair of its own; a cluster (TRANSPORTER) gets none unless given", () => {
		const alone = readConfig({});
		expect(alone.signingKey?.asymmetricKeyType).toBe("ed25519");
		expect(alone.verifyKeys.map(key => key.type)).toEqual(["public"]);
		const cluster = readConfig({ TRANSPORTER: "nats://nats:4222" });
		expect({ signing: cluster.signingKey, verify: cluster.verifyKeys }).toEqual({
			signing: null,
			verify: [],
		});
	});

	test("several public keys are accepted (a rotation), one signing key only", () => {
		const [a, b] = [newSigningKeys(), newSigningKeys()];
		expect(
			readConfig({
				TRANSPORTER: "nats://n:4222",
				SYNC_VERIFY_KEY: `${a.publicKey},${b.publicKey}`,
			}).verifyKeys,
		).toHaveLength(2);
		expect(() => readConfig({ SYNC_SIGNING_KEY: `${a.privateKey},${b.privateKey}` })).toThrow(
			/holds one key/,
		);
	});

	test("the public key is derived from the private one when only that is given; a bad key stops the node naming the variable", () => {
		const keys = newSigningKeys();
		const fromPrivate = readConfig({
			TRANSPORTER: "nats://nats:4222",
			SYNC_SIGNING_KEY: keys.privateKey,
		});
		expect(
			fromPrivate.verifyKeys[0].export({ format: "der", type: "spki" }).toString("base64"),
		).toBe(keys.publicKey);
		expect(() => readConfig({ SYNC_VERIFY_KEY: "not a key" })).toThrow(
			/SYNC_VERIFY_KEY is not an Ed25519 key/,
		);
		expect(() => readConfig({ SYNC_SIGNING_KEY_FILE: "/nonexistent/key" })).toThrow(
			/SYNC_SIGNING_KEY_FILE names no file/,
		);
	});
});
