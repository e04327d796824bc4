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
		[
			{ DATA_SOURCE: "ftp" },
			"DATA_SOURCE must be one of folder, openfootball-http, football-data",
		],
		[
			{ DATA_SOURCE: "football-data" },
			"DATA_SOURCE=football-data needs FOOTBALL_DATA_TOKEN (or FOOTBALL_DATA_TOKEN_FILE)",
		],
		[
			{
				DATA_SOURCE: "football-data",
				FOOTBALL_DATA_TOKEN: "t",
				FOOTBALL_DATA_SEASONS: "24/25",
			},
			'FOOTBALL_DATA_SEASONS holds start years (2024), got "24/25"',
		],
		[
			{
				DATA_SOURCE: "football-data",
				FOOTBALL_DATA_TOKEN: "t",
				FOOTBALL_DATA_COMPETITIONS: "P-L",
			},
			'FOOTBALL_DATA_COMPETITIONS holds codes (PL, BL1), got "P-L"',
		],
		[
			{ DATA_SOURCE: "openfootball-http", OPENFOOTBALL_URLS: "football=ftp://host/x" },
			'OPENFOOTBALL_URLS holds "<folder>=<http(s) URL>" or "<http(s) URL>" entries, got "football=ftp://host/x"',
		],
		[{ SOURCE_RETRIES: "100" }, "SOURCE_RETRIES must be a whole number from 0 to 20"],
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

describe("DATA_SOURCE", () => {
	test("is the folder unless told otherwise", () => {
		expect(readConfig({}).dataSource).toEqual({ kind: "folder" });
	});

	test("openfootball-http follows the bundled folder's files from openfootball's repositories by default", () => {
		const { dataSource } = readConfig({ DATA_SOURCE: "openfootball-http" });
		if (dataSource.kind !== "openfootball-http") throw new Error(dataSource.kind);
		expect(dataSource.urls.map(base => base.folder)).toEqual(["football", "worldcup"]);
		expect(dataSource.files).toContain("football/2024-25/en.1.json");
		expect(dataSource.files).toContain("worldcup/2022/worldcup.json");
	});

	test("openfootball-http takes bases by folder, or one for every path, and the files given", () => {
		const { dataSource } = readConfig({
			DATA_SOURCE: "openfootball-http",
			OPENFOOTBALL_URLS:
				"https://mirror.example/openfootball, football=http://cache.example/f",
			OPENFOOTBALL_FILES: "football/2024-25/en.1.json, worldcup/2022/worldcup.json",
		});
		expect(dataSource).toEqual({
			kind: "openfootball-http",
			urls: [
				{ folder: null, url: "https://mirror.example/openfootball" },
				{ folder: "football", url: "http://cache.example/f" },
			],
			files: ["football/2024-25/en.1.json", "worldcup/2022/worldcup.json"],
		});
	});

	test("football-data reads its token, competitions and seasons", () => {
		expect(
			readConfig({
				DATA_SOURCE: "football-data",
				FOOTBALL_DATA_TOKEN: " abc ",
				FOOTBALL_DATA_COMPETITIONS: "pl, wc",
				FOOTBALL_DATA_SEASONS: "2024,2025",
			}).dataSource,
		).toEqual({
			kind: "football-data",
			url: "https://api.football-data.org/v4",
			token: "abc",
			competitions: ["PL", "WC"],
			seasons: [2024, 2025],
		});
	});
});
