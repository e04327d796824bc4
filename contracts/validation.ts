// How every action's params are read, on top of fastest-validator (Moleculer's validator): two of
// its rules read less strictly than our contracts and the OpenAPI document say.
// - A string's length is counted in characters (code points), as JSON Schema counts `maxLength`,
//   not in UTF-16 units: 51 emoji are 51 characters, within a limit of 100.
// - A number sent as text (a query string) is written in decimal digits: `Number()` alone would
//   read `1e1` as 10 and `0x2` as 2, and an empty value as 0.
// The rules are patched where fastest-validator generates their code; if a release of it writes
// that code differently, the patch throws when the validator is made, never silently reads less.

/** What of a fastest-validator instance the patch needs: its rule table and `add`. */
export interface RuleTable {
	rules: Record<string, RuleFunction>;
	add(type: string, fn: RuleFunction): void;
}

type RuleFunction = (this: unknown, rule: unknown, path: unknown, context: unknown) => RuleSource;
interface RuleSource {
	source: string;
	[key: string]: unknown;
}

/** Counted in UTF-16 units by fastest-validator; counted again only when a surrogate pair is there. */
const STRING_LENGTH = "var len = value.length;";
const CHARACTER_LENGTH =
	"var len = value.length; if (/[\\uD800-\\uDFFF]/.test(value)) len = Array.from(value).length;";

const NUMBER_CONVERSION = "value = Number(value);";
/** A decimal number: digits, an optional sign and an optional fraction; nothing else converts. */
const DECIMAL_CONVERSION =
	'value = typeof value === "string" && !/^[+-]?[0-9]+(\\.[0-9]+)?$/.test(value) ? NaN : Number(value);';

function patched(rules: RuleTable, type: string, from: string, to: string): void {
	const original = rules.rules[type];
	if (typeof original !== "function")
		throw new Error(`fastest-validator has no "${type}" rule to patch.`);
	rules.add(type, function (this: unknown, rule, path, context) {
		const result = original.call(this, rule, path, context);
		return { ...result, source: result.source.split(from).join(to) };
	});
	// Proves the patch takes: a rule whose source lacks the text would read as before.
	const probe = rules.rules[type].call(
		{ makeError: () => "" },
		{ schema: { type, convert: true, min: 1 }, messages: {} },
		"probe",
		{},
	);
	if (!probe.source.includes(to))
		throw new Error(
			`fastest-validator's "${type}" rule no longer writes \`${from}\`: matchday's reading of params must be adapted to this release.`,
		);
}

/** Makes a fastest-validator instance read lengths in characters and numbers in decimal digits only. */
export function readParamsStrictly<T extends RuleTable>(validator: T): T {
	patched(validator, "string", STRING_LENGTH, CHARACTER_LENGTH);
	patched(validator, "number", NUMBER_CONVERSION, DECIMAL_CONVERSION);
	return validator;
}
