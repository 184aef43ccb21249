import { badInput } from '../errors.js';

/** An integer argument within [min, max], or a BAD_USER_INPUT error that says the limit. */
export function bounded(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be between ${min} and ${max} (got ${value}).`, argument);
  }
  return value;
}
