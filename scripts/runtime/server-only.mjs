// Outside Next.js's bundler (tsx scripts, the worker) there is no "react-server"
// export condition, and the `server-only` package throws when imported. These
// processes are server-only by nature, so the marker resolves to an empty module.
import { register } from "node:module";

register("./server-only-resolver.mjs", import.meta.url);
