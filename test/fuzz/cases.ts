// A fuzz case is named by its run's seed and its index: both pick the input and the mutations.
import type { FuzzInput } from './inputs';
import { MUTATIONS, type MutationContext } from './mutations';
import { Random } from './random';

/** One fuzz case: a base text and the mutated text the deriver is taken to from it. */
export interface FuzzCase {
  seed: number;
  index: number;
  /** The input the base text came from. */
  input: string;
  /** The mutations applied, in order (those before `|` made the base). */
  mutations: string[];
  base: string;
  mutated: string;
}

/**
 * Case `index` of the run seeded `seed`. The base is an input as written or, one time in three,
 * already mutated once (so edits start from hostile text too); the mutated text is the base with
 * one to three more mutations.
 */
export function generateCase(
  inputs: readonly FuzzInput[],
  seed: number,
  index: number,
  large: boolean,
): FuzzCase {
  const random = new Random(seed, index);
  const input = random.pick(inputs);
  const context: MutationContext = { donors: inputs.map((i) => i.text), large };
  const mutations: string[] = [];
  const mutate = (text: string) => {
    const mutation = random.pick(MUTATIONS);
    mutations.push(mutation.name);
    return mutation.apply(text, random, context);
  };
  let base = input.text;
  if (random.chance(1 / 3)) {
    base = mutate(base);
    mutations.push('|');
  }
  let mutated = mutate(base);
  for (let more = random.chance(0.4) ? random.between(1, 2) : 0; more > 0; more--) mutated = mutate(mutated);
  return { seed, index, input: input.name, mutations, base, mutated };
}
