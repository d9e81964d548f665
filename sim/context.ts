import type { TokenSigner } from "./jwt";
import type { SimState } from "./model";

/** What every handler of one simulator instance shares. */
export type SimContext = {
  state: SimState;
  signer: TokenSigner;
  /** This simulator's own base URL, e.g. https://localhost:4610. */
  authorityHost: string;
  graphUrl: string;
};
