// Folder cycle without a file cycle: north/gate → south/road, south/bridge → north/sign.
import { road } from "../south/road";

export const gate = () => road;
