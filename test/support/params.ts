// Params as a handler receives them: run through the action's own schema by fastest-validator
// (as Moleculer's validator does before a handler), so defaults are filled in and bad params fail.
import Validator from "fastest-validator";
import type { CallParams, HandlerParams } from "../../contracts";

const validator = new Validator({ useNewCustomCheckerFunction: true });

export function validated<S extends object>(schema: S, params: CallParams<S>): HandlerParams<S> {
	const copy: Record<string, unknown> = { ...params };
	const result = validator.validate(copy, schema as never);
	if (result !== true) throw new Error(`Invalid params for the test: ${JSON.stringify(result)}`);
	return copy as HandlerParams<S>;
}
