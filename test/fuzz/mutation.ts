// What a fuzz mutation is: a pure function of a text and a seeded random source.
import type { Random } from './random';

/** What a mutation may draw on besides its own text. */
export interface MutationContext {
  /** Other inputs, for lines and documents to splice in. */
  donors: readonly string[];
  /** Whether the largest sizes (megabytes, thousands of levels) may be drawn. */
  large: boolean;
}

/** One way to mutate a text. */
export interface Mutation {
  name: string;
  apply(text: string, random: Random, context: MutationContext): string;
}
