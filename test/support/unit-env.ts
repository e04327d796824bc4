// Unit tests use no servers: in-process brokers on the in-memory store.
delete process.env.TRANSPORTER;
delete process.env.MONGO_URI;
process.env.LOG_LEVEL = "warn";
