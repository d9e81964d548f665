import { auth } from "@/lib/auth/auth";

// better-auth's endpoints: sign-in (rate limited), sign-out, session and the Microsoft callback.
export const dynamic = "force-dynamic";

const handle = (request: Request) => auth().handler(request);

export const GET = handle;
export const POST = handle;
