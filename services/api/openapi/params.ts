// Query parameters in OpenAPI from the very params schemas Moleculer's validator enforces (as the
// registry announces them), so the documentation cannot drift from what a route accepts.

type JsonSchema = Record<string, unknown>;
export type ParamsSchema = Readonly<Record<string, unknown>>;

/** The subset of a fastest-validator rule that says something a client can use. */
interface Rule {
	type?: string;
	optional?: boolean;
	default?: unknown;
	description?: string;
	min?: number;
	max?: number;
	length?: number;
	equal?: unknown;
	integer?: boolean;
	positive?: boolean;
	negative?: boolean;
	pattern?: RegExp | string;
	enum?: unknown[];
	values?: readonly unknown[];
	uppercase?: boolean;
	lowercase?: boolean;
	trim?: boolean;
	items?: unknown;
}

/** Drops undefined members, so that absent constraints do not appear as keys. */
export function compact(schema: Record<string, unknown>): JsonSchema {
	return Object.fromEntries(Object.entries(schema).filter(([, value]) => value !== undefined));
}

/** fastest-validator also takes a shorthand ("string|optional|max:10"); read it as the object form. */
function toRule(raw: unknown): Rule {
	if (typeof raw !== "string") return (raw ?? {}) as Rule;
	const [type, ...flags] = raw.split("|");
	const rule: Record<string, unknown> = { type };
	for (const flag of flags) {
		const [key, value] = flag.split(":");
		rule[key] =
			value === undefined || value === "true"
				? true
				: value === "false"
					? false
					: Number.isNaN(Number(value))
						? value
						: Number(value);
	}
	return rule as Rule;
}

// JSON Schema patterns are ECMA-262 regular expressions without flags: a RegExp's source is the pattern.
function patternOf(pattern: RegExp | string | undefined): string | undefined {
	return pattern instanceof RegExp ? pattern.source : pattern;
}

/** A YYYY-MM-DD pattern is a calendar date: saying so lets clients (and the docs page) offer a date input. */
const ISO_DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

/**
 * The pattern of what a client may send, not of what the validator checks: it changes case and
 * trims spaces first, so `^[A-Z0-9]+$` with `uppercase` takes `eng` too, and a trimmed value may
 * come with spaces around it, but not as spaces alone.
 */
function sentPattern(rule: Rule): string | undefined {
	let pattern = patternOf(rule.pattern);
	if (pattern && rule.uppercase) pattern = pattern.replace(/A-Z(?!a-z)/g, "A-Za-z");
	if (pattern && rule.lowercase) pattern = pattern.replace(/(?<!A-Z)a-z/g, "A-Za-z");
	if (!rule.trim) return pattern;
	if (!pattern) return (rule.min ?? rule.length ?? 0) > 0 ? "\\S" : undefined;
	const inner = pattern.replace(/^\^/, "").replace(/\$$/, "");
	return `^\\s*(?:${inner})\\s*$`;
}

function stringSchema(rule: Rule): JsonSchema {
	const pattern = patternOf(rule.pattern);
	return compact({
		type: "string",
		format: pattern === ISO_DATE_PATTERN ? "date" : undefined,
		minLength: rule.length ?? rule.min,
		maxLength: rule.length ?? rule.max,
		pattern: sentPattern(rule),
		enum: rule.enum,
	});
}

function numberSchema(rule: Rule): JsonSchema {
	return compact({
		type: rule.integer ? "integer" : "number",
		minimum: rule.min,
		maximum: rule.max,
		exclusiveMinimum: rule.positive ? 0 : undefined,
		exclusiveMaximum: rule.negative ? 0 : undefined,
		const: rule.equal,
	});
}

function enumSchema(rule: Rule): JsonSchema {
	const values = [...(rule.values ?? [])];
	return compact({
		type: values.every(value => typeof value === "string") ? "string" : undefined,
		enum: values,
	});
}

const CONVERTERS: Record<string, (rule: Rule) => JsonSchema> = {
	string: stringSchema,
	number: numberSchema,
	enum: enumSchema,
	boolean: () => ({ type: "boolean" }),
	// With convert, fastest-validator takes any text Date can read; ISO 8601 is what to send.
	date: () => ({ type: "string", format: "date-time" }),
	array: rule =>
		compact({
			type: "array",
			items: rule.items === undefined ? undefined : valueSchema(toRule(rule.items)),
			minItems: rule.min,
			maxItems: rule.max,
		}),
};

/** A rule as a JSON Schema; a type it does not know becomes "any value" rather than a wrong claim. */
export function valueSchema(rule: Rule): JsonSchema {
	const convert = CONVERTERS[rule.type ?? ""];
	const schema = convert ? convert(rule) : {};
	// A default computed by a function is not a value a client can read.
	if (rule.default !== undefined && typeof rule.default !== "function")
		schema.default = rule.default;
	return schema;
}

function describeParam(rule: Rule, note: string | undefined): string | undefined {
	const notes = [note ?? rule.description];
	// The validator changes case before matching the pattern, so `pl` is as good as `PL`.
	if (rule.uppercase || rule.lowercase) notes.push("Case is ignored.");
	if (rule.trim)
		notes.push(
			"Spaces at either end are ignored; the length counts characters, and a value of spaces alone is refused.",
		);
	else if (rule.type === "string" && (rule.min !== undefined || rule.max !== undefined))
		notes.push("The length counts characters.");
	if (rule.type === "number") notes.push("Written in decimal digits (`10`, not `1e1` or `0xA`).");
	if (rule.pattern instanceof RegExp && rule.pattern.flags)
		notes.push(`The pattern is matched with the flags \`${rule.pattern.flags}\`.`);
	const text = notes.filter(Boolean).join(" ");
	return text || undefined;
}

function queryParameter(name: string, raw: unknown, note: string | undefined): JsonSchema {
	const rule = toRule(raw);
	return compact({
		name,
		in: "query",
		description: describeParam(rule, note),
		// A parameter with a default is never missing: the validator fills it in.
		required: !rule.optional && rule.default === undefined ? true : undefined,
		schema: valueSchema(rule),
	});
}

/** `$$strict`, `$$async` and the like configure the validator; they are not parameters. `notes` say what each one means. */
export function queryParameters(
	params: ParamsSchema,
	notes: Readonly<Record<string, string>> = {},
): JsonSchema[] {
	return Object.entries(params)
		.filter(([name]) => !name.startsWith("$$"))
		.map(([name, rule]) => queryParameter(name, rule, notes[name]));
}
