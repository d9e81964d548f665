import { sign } from "../north/sign";

export const bridge = () => sign;
